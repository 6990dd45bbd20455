package org.saphan.connectors.rest;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.connectors.ConnectorSettings;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.connectors.resilience.CallPolicy;
import org.saphan.connectors.resilience.ProviderTls;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.provider.ConnectorKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code rest} connector kind: a provider reached over HTTP with a GET (query parameters taken
 * from request fields) or a POST (the request JSON as body), whose answer a mapping file turns into
 * the standard's data set.
 *
 * <pre>
 * connector:
 *   kind: rest
 *   timeout: 5s
 *   settings:
 *     baseUrl: http://127.0.0.1:18081
 *     method: GET
 *     path: /dopa/linkage/citizen-profile
 *     query: {PID: citizenId}          # native parameter: request field
 *     mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
 *     poolSize: 20                     # pooled connections to this provider (default 20)
 *     trustStore: /etc/saphan/dopa-ca.pem   # optional TLS trust and client certificate, see ProviderTls
 *     retries: 2                       # optional retries and bulkhead, see CallPolicy
 *     providerKeys: file:/etc/saphan/providers/dopa.jwks.json   # optional: the provider signs its answers
 * </pre>
 *
 * <p>With {@code providerKeys}, every answer must carry {@code X-Provider-Signature}: a detached JWS with
 * unencoded payload over the exact body bytes, by a key of that JWKS (the hub's own signature format).
 * An answer whose signature is missing or does not verify is refused as {@code provider-error}.
 */
public final class RestConnector implements ConnectorKind {

    public static final String KIND = "rest";

    private final ResourceLoader resources;
    private final Map<String, RestServiceSpec> specs = new ConcurrentHashMap<>();

    public RestConnector(ResourceLoader resources) {
        this.resources = resources;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(String serviceId, Map<String, Object> settings, List<String> problems) {
        ConnectorSettings.checkHttpUrl(settings, "baseUrl", problems);
        String baseUrl = text(settings, "baseUrl");
        String method = Optional.ofNullable(text(settings, "method")).orElse("GET");
        if (!method.equals("GET") && !method.equals("POST")) {
            problems.add("method must be GET or POST");
        }
        String path = text(settings, "path");
        if (path == null || !path.startsWith("/")) {
            problems.add("path must start with /");
        }
        Object query = settings.get("query");
        if (query != null && !(query instanceof Map<?, ?>)) {
            problems.add("query must map native parameter names to request fields");
        }
        Object poolSize = settings.get("poolSize");
        if (poolSize != null && !String.valueOf(poolSize).matches("[1-9][0-9]{0,3}")) {
            problems.add("poolSize must be a whole number from 1 to 9999");
        }
        if (ProviderTls.configured(settings)) {
            if (baseUrl != null && !baseUrl.startsWith("https:")) {
                problems.add("trustStore and keyStore need an https baseUrl");
            }
            ProviderTls.check(settings, problems);
        }
        CallPolicy.check(settings, !"POST".equals(method), problems);
        String providerKeys = text(settings, "providerKeys");
        if (providerKeys != null) {
            try {
                readKeys(providerKeys);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        String mapping = text(settings, "mapping");
        if (mapping == null) {
            problems.add("mapping (the answer mapping file) is missing");
        } else {
            try {
                readMapping(mapping);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    @Override
    public void prepare(ServiceDefinition service) {
        Map<String, Object> s = service.connector().settings();
        Map<String, String> query = new LinkedHashMap<>();
        if (s.get("query") instanceof Map<?, ?> q) {
            q.forEach((k, v) -> query.put(String.valueOf(k), String.valueOf(v)));
        }
        String method = Optional.ofNullable(text(s, "method")).orElse("GET");
        specs.put(service.id().toString(), new RestServiceSpec(service.id(), stripSlash(text(s, "baseUrl")),
                method, text(s, "path"), Map.copyOf(query),
                service.connector().timeout(), readMapping(text(s, "mapping")),
                s.get("poolSize") == null ? RestServiceSpec.DEFAULT_POOL_SIZE : Integer.parseInt(String.valueOf(s.get("poolSize"))),
                ProviderTls.configured(s) ? Optional.of(ProviderTls.of(s)) : Optional.empty(),
                CallPolicy.of(s, !"POST".equals(method)),
                text(s, "providerKeys") == null ? null : readKeys(text(s, "providerKeys"))));
    }

    /** The prepared spec of a service using this kind. */
    public Optional<RestServiceSpec> spec(String serviceId) {
        return Optional.ofNullable(specs.get(serviceId));
    }

    private AnswerMapping readMapping(String location) {
        return ConnectorSettings.readMapping(resources, location);
    }

    private JWKSet readKeys(String location) {
        Resource r = resources.getResource(location);
        if (!r.exists()) {
            throw new IllegalArgumentException("providerKeys file not found: " + location);
        }
        try (InputStream in = r.getInputStream()) {
            JWKSet keys = JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (keys.getKeys().isEmpty() || keys.getKeys().stream().anyMatch(JWK::isPrivate)) {
                throw new IllegalArgumentException("providerKeys " + location + " must hold public keys only, at least one");
            }
            return keys;
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("providerKeys " + location + " is not a readable JWKS");
        }
    }

    private static String text(Map<String, Object> settings, String key) {
        return ConnectorSettings.text(settings, key);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
