package org.saphan.exchange.gdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.ProducerTemplate;
import org.saphan.exchange.auth.AuthAttempts;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.route.ExchangeAnswer;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.exchange.route.ExchangeIds;
import org.saphan.exchange.route.ExchangeState;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.schemas.Identifiers;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.security.secrets.ClientSecretHasher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The GDX-compatible face, so existing GDX client code works by changing the host name:
 * {@code GET /ws/auth/validate?ConsumerSecret=&AgentID=} with header {@code Consumer-Key} gives
 * {@code {"Result": "<token>"}}; {@code GET /ws/{provider}/{service}/{version}?CitizenID=} with headers
 * {@code Consumer-Key} and {@code Token} runs the same exchange route as the REST face (same checks,
 * audit, signature). GDX has no purpose or legal-basis headers, so both come from the consumer's
 * agreement, which must name exactly one of each. Errors keep GDX's form, {@code {"Code","Message"}}.
 */
@RestController
public class GdxController {

    private static final String CONSUMER_KEY = "Consumer-Key";

    private final ProducerTemplate camel;
    private final Supplier<Catalog> catalog;
    private final ClientSecretHasher hasher;
    private final GdxTokens tokens;
    private final AuthAttempts attempts;
    private final ObjectMapper json;
    private final Clock clock;
    /** Compared against when the Consumer-Key is unknown, so unknown and known keys cost the same time. */
    private final String dummyHash;

    public GdxController(ProducerTemplate camel, Supplier<Catalog> catalog, ClientSecretHasher hasher, GdxTokens tokens,
                         AuthAttempts attempts, ObjectMapper json, Clock clock) {
        this.camel = camel;
        this.catalog = catalog;
        this.hasher = hasher;
        this.tokens = tokens;
        this.attempts = attempts;
        this.json = json;
        this.clock = clock;
        this.dummyHash = hasher.hash("no such consumer");
    }

    @GetMapping("/ws/auth/validate")
    public ResponseEntity<byte[]> validate(@RequestParam(name = "ConsumerSecret", required = false) String secret,
                                           @RequestParam(name = "AgentID", required = false) String agentId,
                                           @RequestHeader(name = CONSUMER_KEY, required = false) String consumerKey,
                                           HttpServletRequest http) {
        if (secret == null || consumerKey == null || agentId == null) {
            return error(400, "invalid-request", "Consumer-Key, ConsumerSecret and AgentID are required.", null);
        }
        if (!Identifiers.isOfficerId(agentId)) {
            return error(400, "invalid-request", "AgentID must be the officer's 13-digit ID or a system name.", null);
        }
        Optional<ClientSystem> client = catalog.get().clientByGdxConsumerKey(consumerKey);
        String attemptKey = client.map(c -> c.id().toString()).orElse("gdx-key:" + consumerKey);
        Optional<Duration> blocked = attempts.blockedFor(attemptKey, http.getRemoteAddr());
        if (blocked.isPresent()) {
            ResponseEntity<byte[]> tooMany = error(429, "too-many-attempts",
                    "Too many failed attempts. Try again after the time in Retry-After.", null);
            return ResponseEntity.status(429).headers(tooMany.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(blocked.get().toSeconds())).body(tooMany.getBody());
        }
        String storedHash = client.map(ClientSystem::secretHash).orElse(null);
        boolean matches = hasher.matches(secret, storedHash == null ? dummyHash : storedHash);
        if (client.isEmpty() || storedHash == null || !matches) {
            attempts.failed(attemptKey, http.getRemoteAddr(), client.isEmpty() ? "gdx-unknown-consumer" : "gdx-bad-secret");
            // one answer for an unknown key and a wrong secret, so a key cannot be probed
            return error(403, "consumer-not-found", "Consumer not found, or the ConsumerSecret is wrong.", null);
        }
        attempts.succeeded(attemptKey);
        if (!client.get().has(Role.CONSUMER)) {
            return error(403, "access-denied", "This client system does not have the consumer role.", null);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(write(Map.of("Result", tokens.issue(client.get().id().toString(), agentId))));
    }

    @GetMapping("/ws/{provider}/{service}/{version}")
    public ResponseEntity<byte[]> exchange(@PathVariable String provider, @PathVariable String service,
                                           @PathVariable String version,
                                           @RequestParam(name = "CitizenID", required = false) String citizenId,
                                           @RequestHeader(name = CONSUMER_KEY, required = false) String consumerKey,
                                           @RequestHeader(name = "Token", required = false) String token) {
        // GDX paths are lower case (/ws/dopa/...); the catalog's provider codes are upper case
        String servicePath = provider.toUpperCase(Locale.ROOT) + "/" + service + "/" + version;
        Catalog now = catalog.get();
        Optional<ClientSystem> client = now.clientByGdxConsumerKey(consumerKey);
        Map<String, String> headers = new HashMap<>();
        headers.put(InboundRequest.GDX_CONSUMER_KEY, consumerKey == null ? "" : consumerKey);
        headers.put(InboundRequest.GDX_TOKEN, token == null ? "" : token);
        headers.put(InboundRequest.REQUEST_ID, UUID.randomUUID().toString()); // GDX callers send none
        client.flatMap(c -> tokens.agentOf(token, c.id().toString()))
                .ifPresent(agent -> headers.put(InboundRequest.OFFICER_ID, agent));

        Optional<ServiceDefinition> definition = serviceId(servicePath).flatMap(now::service);
        Optional<Agreement> agreement = client.flatMap(c -> definition.flatMap(d ->
                now.agreementInForce(c.id().toString(), d.id(), LocalDate.now(clock))));
        boolean agreementUnusable = agreement.isPresent()
                && (agreement.get().solePurpose().isEmpty() || agreement.get().soleLegalBasis().isEmpty());
        if (agreement.isPresent() && !agreementUnusable) {
            headers.put(InboundRequest.PURPOSE, agreement.get().solePurpose().orElseThrow());
            headers.put(InboundRequest.LEGAL_BASIS, agreement.get().soleLegalBasis().orElseThrow().code());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (citizenId != null && definition.isPresent() && definition.get().subjectField() != null) {
            body.put(definition.get().subjectField(), citizenId);
        }
        InboundRequest inbound = new InboundRequest(servicePath, headers, write(body), false, "application/json");
        ExchangeState state = new ExchangeState(ExchangeIds.next(), clock.instant(), System.nanoTime(), inbound);
        ExchangeEntry.send(camel, state);
        ExchangeAnswer answer = state.answer();
        if (answer == null) {
            return error(503, "hub-unavailable", "The hub could not complete the exchange. Try again later.", state.exchangeId());
        }
        if (answer.status() == 200) {
            HttpHeaders out = new HttpHeaders();
            answer.headers().forEach(out::add);
            out.setContentType(MediaType.parseMediaType(answer.contentType()));
            out.setCacheControl("no-store");
            return ResponseEntity.ok().headers(out).body(answer.body());
        }
        return gdxRefusal(answer, client.isPresent(), agreementUnusable, state.exchangeId());
    }

    /** The route's refusal (already audited) in GDX's form; the problem code stays the same. */
    private ResponseEntity<byte[]> gdxRefusal(ExchangeAnswer answer, boolean consumerKnown, boolean agreementUnusable,
                                              String exchangeId) {
        JsonNode problem = read(answer.body());
        String code = problem.path("code").asText("hub-unavailable");
        String message = problem.path("detail").asText("The exchange was refused.");
        int status = answer.status();
        if ("unauthenticated".equals(code) && !consumerKnown) {
            return error(403, "consumer-not-found", "Consumer-Key is not known to this hub.", exchangeId);
        }
        if ("unauthenticated".equals(code)) {
            return error(401, "token-not-found", "Token not found or idle for too long; get a new one from /ws/auth/validate.",
                    exchangeId);
        }
        if (agreementUnusable && "invalid-request".equals(code)) {
            message = "The data sharing agreement for this service names more than one purpose or legal basis, "
                    + "so it cannot be used through the GDX face; use the REST face with X-Purpose and X-Legal-Basis.";
        }
        return error(status, code, message, exchangeId);
    }

    /**
     * Any other path below {@code /ws} (a segment that is empty or holds '/', too few or too many segments) or any
     * method but GET: answered here in GDX's form, not by the hub's problem+json fallback, which GDX clients cannot
     * read (docs/security.md, finding 6). The path is not logged: it can hold a citizen ID.
     */
    @RequestMapping(GdxErrors.PATH + "/**") // "/**" matches "/ws" itself too
    public ResponseEntity<byte[]> otherPath(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            // every GDX path is read with GET; the specific mappings above take GET, so any other method lands here
            ResponseEntity<byte[]> refused = GdxErrors.answer(ProblemCode.METHOD_NOT_ALLOWED,
                    "The GDX face answers GET only.");
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                    .allow(HttpMethod.GET, HttpMethod.HEAD).body(refused.getBody());
        }
        return GdxErrors.answer(ProblemCode.NOT_FOUND, "No such GDX path. Services answer at "
                + "/ws/{provider}/{service}/{version}, tokens at /ws/auth/validate.");
    }

    private static ResponseEntity<byte[]> error(int status, String code, String message, String exchangeId) {
        return GdxErrors.answer(status, code, message, exchangeId);
    }

    private static Optional<ServiceId> serviceId(String path) {
        try {
            return Optional.of(ServiceId.parse(path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
