package org.saphan.connectors.soap;

import org.saphan.connectors.ConnectorSettings;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.connectors.resilience.CallPolicy;
import org.saphan.connectors.resilience.ProviderTls;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.provider.ConnectorKind;
import org.springframework.core.io.ResourceLoader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code soap} connector kind: a provider reached through Apache CXF with client code generated from its WSDL
 * at build time. The SOAP answer (or a declared fault's detail) is read as a JSON tree with the provider's element
 * names, and the same kind of mapping file as REST turns it into the standard's data set.
 *
 * <pre>
 * connector:
 *   kind: soap
 *   timeout: 3s
 *   settings:
 *     address: http://127.0.0.1:18083/dopa/soap/house-registration
 *     operation: DOPA/house-registration      # one of SoapOperations
 *     request: {PID: citizenId}               # native request field: standard request field
 *     mapping: classpath:mappings/DOPA/house-registration/v1.yaml
 *     # optional, as for rest: retries, retryBackoff, idempotent, maxConcurrentCalls, trustStore, keyStore...
 * </pre>
 * SOAP inquiries are taken as idempotent reads; set {@code idempotent: false} for an operation that writes.
 */
public final class SoapConnector implements ConnectorKind {

    public static final String KIND = "soap";

    private final ResourceLoader resources;
    private final Map<String, SoapServiceSpec> specs = new ConcurrentHashMap<>();

    public SoapConnector(ResourceLoader resources) {
        this.resources = resources;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(String serviceId, Map<String, Object> settings, List<String> problems) {
        ConnectorSettings.checkHttpUrl(settings, "address", problems);
        String address = text(settings, "address");
        String operation = text(settings, "operation");
        Optional<SoapOperation<?>> known = operation == null ? Optional.empty() : SoapOperations.named(operation);
        if (operation == null) {
            problems.add("operation is missing (one of " + SoapOperations.names() + ")");
        } else if (known.isEmpty()) {
            problems.add("operation '" + operation + "' is unknown (one of " + SoapOperations.names() + ")");
        }
        Object request = settings.get("request");
        if (!(request instanceof Map<?, ?> fields)) {
            problems.add("request must map native request fields to request fields");
        } else if (known.isPresent()) {
            for (String needed : known.get().requestFields()) {
                if (!fields.containsKey(needed)) {
                    problems.add("request does not fill the operation's field " + needed);
                }
            }
        }
        if (ProviderTls.configured(settings)) {
            if (address != null && !address.startsWith("https:")) {
                problems.add("trustStore and keyStore need an https address");
            }
            ProviderTls.check(settings, problems);
        }
        CallPolicy.check(settings, true, problems);
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
        Map<String, String> request = new LinkedHashMap<>();
        if (s.get("request") instanceof Map<?, ?> q) {
            q.forEach((k, v) -> request.put(String.valueOf(k), String.valueOf(v)));
        }
        specs.put(service.id().toString(), new SoapServiceSpec(service.id(), text(s, "address"),
                SoapOperations.named(text(s, "operation")).orElseThrow(), Map.copyOf(request),
                service.connector().timeout(), readMapping(text(s, "mapping")),
                ProviderTls.configured(s) ? Optional.of(ProviderTls.of(s)) : Optional.empty(),
                CallPolicy.of(s, true)));
    }

    /** The prepared spec of a service using this kind. */
    public Optional<SoapServiceSpec> spec(String serviceId) {
        return Optional.ofNullable(specs.get(serviceId));
    }

    private AnswerMapping readMapping(String location) {
        return ConnectorSettings.readMapping(resources, location);
    }

    private static String text(Map<String, Object> settings, String key) {
        return ConnectorSettings.text(settings, key);
    }
}
