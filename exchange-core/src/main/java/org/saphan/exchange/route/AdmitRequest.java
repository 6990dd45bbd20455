package org.saphan.exchange.route;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.schemas.Identifiers;
import org.saphan.schemas.ProblemCode;

/**
 * Step 2: is this a well-formed exchange request at all: size, media type, the officer and request-id
 * headers, and a JSON body. Nothing here looks at what is asked for.
 */
public final class AdmitRequest implements Processor {

    /**
     * Exchange requests are small, flat documents: parsing stops early on deep nesting or long strings
     * and numbers, so a crafted body cannot make the hub allocate or recurse without bound.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxStringLength(4_096)
            .maxNumberLength(32)
            .maxNameLength(256)
            .build();

    private final ObjectMapper json;

    public AdmitRequest(ObjectMapper json) {
        this.json = json.copyWith(JsonFactory.builder().streamReadConstraints(LIMITS).build());
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        InboundRequest in = state.inbound();
        if (in.bodyTooLarge()) {
            throw new ExchangeRefusal(ProblemCode.PAYLOAD_TOO_LARGE, "The request body is larger than the hub accepts.");
        }
        String requestId = in.header(InboundRequest.REQUEST_ID);
        if (!Identifiers.isRequestId(requestId)) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST, "X-Request-Id must be a UUID chosen by the caller.");
        }
        state.requestId = requestId.toLowerCase(java.util.Locale.ROOT);
        String officer = in.header(InboundRequest.OFFICER_ID);
        if (!Identifiers.isOfficerId(officer)) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST,
                    "X-Officer-Id must be the officer's 13-digit ID (with a valid check digit) or a system name.");
        }
        state.officerId = officer;
        if (in.contentType() == null || !in.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ExchangeRefusal(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json.");
        }
        JsonNode body;
        try {
            body = json.readTree(in.body());
        } catch (StreamConstraintsException e) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST,
                    "The request body is nested too deeply or holds an overlong name, string or number.");
        } catch (JacksonException e) {
            // the parser's message may quote the body: never pass it on
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST, "The request body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST, "The request body could not be read.");
        }
        if (body == null || !body.isObject()) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        state.request = body;
    }
}
