package org.saphan.exchange.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.schemas.CitizenId;
import org.saphan.schemas.LegalBasis;

import java.time.Instant;
import java.util.List;

/**
 * Everything one exchange learns on its way through the route, kept as one typed object (a Camel
 * exchange property) rather than loose headers: each step reads what earlier steps established.
 * Fields stay null until the step that establishes them has run, which is what the audit record
 * shows for a refusal part-way.
 */
public final class ExchangeState {

    /** Name of the Camel exchange property that holds this object. */
    public static final String PROPERTY = "saphan.exchange";

    private final String exchangeId;
    private final Instant startedAt;
    private final long startedNanos;
    private final InboundRequest inbound;

    ClientSystem client;
    String officerId;
    String requestId;
    ServiceDefinition service;
    Agreement agreement;
    String purpose;
    LegalBasis legalBasis;
    String legalReference;
    String consentId;
    JsonNode request;
    CitizenId subject;
    JsonNode providerData;
    long providerNanos = -1;
    List<String> releasedFields = List.of();
    ExchangeAnswer answer;
    /** Ties the sub-exchanges of a composite service to its own exchange in the access log; null otherwise. */
    private volatile String correlationId;

    public ExchangeState(String exchangeId, Instant startedAt, long startedNanos, InboundRequest inbound) {
        this.exchangeId = exchangeId;
        this.startedAt = startedAt;
        this.startedNanos = startedNanos;
        this.inbound = inbound;
    }

    public String exchangeId() { return exchangeId; }
    public Instant startedAt() { return startedAt; }
    public long startedNanos() { return startedNanos; }
    public InboundRequest inbound() { return inbound; }
    public ClientSystem client() { return client; }
    public String officerId() { return officerId; }
    public String requestId() { return requestId; }
    public ServiceDefinition service() { return service; }
    public Agreement agreement() { return agreement; }
    public String purpose() { return purpose; }
    public LegalBasis legalBasis() { return legalBasis; }
    /** The law the policy decision relied on (s.24(4), s.24(6), s.26 exceptions), for the access log. */
    public String legalReference() { return legalReference; }
    public String consentId() { return consentId; }
    public JsonNode request() { return request; }
    public CitizenId subject() { return subject; }
    public JsonNode providerData() { return providerData; }
    public long providerNanos() { return providerNanos; }
    public List<String> releasedFields() { return releasedFields; }
    public ExchangeAnswer answer() { return answer; }

    /** Set by a connector once the provider has answered (or failed), for the audit record and metrics. */
    public void providerCallTook(long nanos) {
        this.providerNanos = nanos;
    }

    public String correlationId() { return correlationId; }

    /** Set by a composite connector on its own exchange and on each sub-exchange it starts. */
    public void correlateWith(String correlationId) {
        this.correlationId = correlationId;
    }

    public void setAnswer(ExchangeAnswer answer) {
        this.answer = answer;
    }
}
