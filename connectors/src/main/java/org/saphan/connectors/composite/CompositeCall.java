package org.saphan.connectors.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.route.ExchangeAnswer;
import org.saphan.exchange.route.ExchangeIds;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.exchange.route.ExchangeState;
import org.saphan.exchange.route.ExchangeSteps;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs each part of a composite service as its own sub-exchange of the same consumer through the normal
 * exchange route, in parallel, and composes what they released. Each sub-exchange carries the caller's
 * credentials, officer and purpose, a fresh request id, the legal basis of the consumer's agreement for
 * that part, and the consent id the caller gave for that part; it is checked, audited and counted on its
 * own, under the composite exchange's id as correlation id. A part refused or failed is reported with its
 * code and exchange id; it never fails the other parts.
 */
final class CompositeCall implements Processor {

    private final List<ServiceId> parts;
    private final WelfareEligibility answer;
    private final Duration timeout;
    private final Supplier<Catalog> catalog;
    private final ProducerTemplate camel;
    private final ExecutorService pool;
    private final ObjectMapper json;
    private final Clock clock;

    CompositeCall(List<ServiceId> parts, WelfareEligibility answer, Duration timeout, Supplier<Catalog> catalog,
                  ProducerTemplate camel, ExecutorService pool, ObjectMapper json, Clock clock) {
        this.parts = parts;
        this.answer = answer;
        this.timeout = timeout;
        this.catalog = catalog;
        this.camel = camel;
        this.pool = pool;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState outer = ExchangeSteps.state(exchange);
        if (outer.client() == null || outer.purpose() == null) {
            // the route only calls a provider after authentication and policy: fail closed if that ever changes
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The composite service could not start its parts.");
        }
        outer.correlateWith(outer.exchangeId());
        JsonNode request = exchange.getMessage().getBody(JsonNode.class);
        JsonNode consents = request.path("consents");
        LocalDate today = LocalDate.now(clock);
        Catalog now = catalog.get();

        Map<ServiceId, ExchangeState> subs = new LinkedHashMap<>();
        Map<ServiceId, CompletableFuture<ExchangeState>> running = new LinkedHashMap<>();
        for (ServiceId part : parts) {
            String consentId = consents.path(part.toString()).isTextual() ? consents.path(part.toString()).asText() : null;
            ExchangeState sub = subExchange(outer, part, consentId, request, now, today);
            subs.put(part, sub);
            running.put(part, CompletableFuture.supplyAsync(() -> {
                ExchangeEntry.send(camel, sub); // the part's own id on the part thread's log lines
                return sub;
            }, pool));
        }

        long deadline = System.nanoTime() + timeout.toNanos();
        List<PartOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<ServiceId, CompletableFuture<ExchangeState>> e : running.entrySet()) {
            ExchangeState sub = subs.get(e.getKey());
            try {
                e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                outcomes.add(outcome(e.getKey(), sub));
            } catch (TimeoutException timedOut) {
                // the sub-exchange goes on and audits itself; this answer no longer waits for it
                outcomes.add(new PartOutcome(e.getKey().toString(), sub.exchangeId(), ProblemCode.PROVIDER_TIMEOUT.code(), null));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The composite service was interrupted.");
            } catch (ExecutionException failed) {
                outcomes.add(new PartOutcome(e.getKey().toString(), sub.exchangeId(), ProblemCode.PROVIDER_ERROR.code(), null));
            }
        }
        exchange.getMessage().setBody(answer.compose(request.path("citizenId").asText(), outcomes, today));
    }

    /**
     * The part's request as a face would build it, with the legal basis {@link #legalBasis} chooses from the
     * consumer's agreement for the part; the route decides the part under it and audits it under the part's
     * own exchange id.
     */
    private ExchangeState subExchange(ExchangeState outer, ServiceId part, String consentId, JsonNode request,
                                      Catalog now, LocalDate today) {
        Map<String, String> headers = new HashMap<>(outer.inbound().headers()); // the caller's credentials
        headers.remove(InboundRequest.LEGAL_BASIS);
        headers.remove(InboundRequest.CONSENT_ID);
        headers.put(InboundRequest.PURPOSE, outer.purpose());
        headers.put(InboundRequest.REQUEST_ID, UUID.randomUUID().toString());
        if (outer.officerId() != null) {
            headers.put(InboundRequest.OFFICER_ID, outer.officerId());
        }
        Optional<Agreement> agreement = now.agreementInForce(outer.client().id().toString(), part, today);
        agreement.flatMap(a -> legalBasis(a, consentId))
                .ifPresent(basis -> headers.put(InboundRequest.LEGAL_BASIS, basis.code()));
        if (consentId != null) {
            headers.put(InboundRequest.CONSENT_ID, consentId);
        }
        ObjectNode body = json.createObjectNode();
        body.set("citizenId", request.path("citizenId"));
        InboundRequest inbound = new InboundRequest(part.toString(), headers, write(body), false, ExchangeAnswer.JSON,
                outer.inbound().clientCertificates());
        ExchangeState sub = new ExchangeState(ExchangeIds.next(), clock.instant(), System.nanoTime(), inbound);
        sub.correlateWith(outer.exchangeId());
        return sub;
    }

    /**
     * A part's legal basis, from the consumer's agreement for it (the caller names one basis, for the composite):
     * <ul>
     *   <li>the caller gave a consent id for the part: explicit consent if the agreement allows it, else consent;</li>
     *   <li>else the agreement's one basis that needs no consent record, if it has exactly one;</li>
     *   <li>else, if the agreement allows only consent bases, the strongest of them without a consent id, so
     *       the route refuses the part with the code that says what is missing: {@code consent-required}, or
     *       {@code explicit-consent-required} when only plain consent is agreed for sensitive fields;</li>
     *   <li>else none (several bases without consent, as the GDX face would not guess either): the route
     *       refuses the part with {@code invalid-request}.</li>
     * </ul>
     */
    static Optional<LegalBasis> legalBasis(Agreement agreement, String consentId) {
        Set<LegalBasis> agreed = agreement.legalBases();
        if (consentId != null) {
            if (agreed.contains(LegalBasis.EXPLICIT_CONSENT)) {
                return Optional.of(LegalBasis.EXPLICIT_CONSENT);
            }
            if (agreed.contains(LegalBasis.CONSENT)) {
                return Optional.of(LegalBasis.CONSENT);
            }
        }
        List<LegalBasis> withoutConsent = agreed.stream().filter(b -> !b.needsConsentRecord()).toList();
        if (withoutConsent.size() == 1) {
            return Optional.of(withoutConsent.get(0));
        }
        if (withoutConsent.isEmpty() && agreed.contains(LegalBasis.EXPLICIT_CONSENT)) {
            return Optional.of(LegalBasis.EXPLICIT_CONSENT);
        }
        if (withoutConsent.isEmpty() && agreed.contains(LegalBasis.CONSENT)) {
            return Optional.of(LegalBasis.CONSENT);
        }
        return Optional.empty();
    }

    private PartOutcome outcome(ServiceId part, ExchangeState sub) {
        ExchangeAnswer answer = sub.answer();
        if (answer == null) {
            return new PartOutcome(part.toString(), sub.exchangeId(), ProblemCode.PROVIDER_ERROR.code(), null);
        }
        JsonNode body = read(answer.body());
        if (answer.status() == 200 && body.path("data").isObject()) {
            return new PartOutcome(part.toString(), sub.exchangeId(), PartOutcome.OK, body.path("data"));
        }
        return new PartOutcome(part.toString(), sub.exchangeId(),
                body.path("code").asText(ProblemCode.PROVIDER_ERROR.code()), null);
    }

    private byte[] write(JsonNode value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
