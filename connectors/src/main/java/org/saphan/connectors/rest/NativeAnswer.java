package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.security.verify.ExchangeSignatureVerifier;

import java.io.IOException;

/**
 * Reads the provider's HTTP answer and maps it to the standard's data set. The provider's own
 * status and result code decide the outcome: found, not found, or a provider failure.
 */
final class NativeAnswer implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String PROVIDER_SIGNATURE_HEADER = "X-Provider-Signature";
    private static final ExchangeSignatureVerifier VERIFIER = new ExchangeSignatureVerifier();

    private final RestServiceSpec spec;

    NativeAnswer(RestServiceSpec spec) {
        this.spec = spec;
    }

    @Override
    public void process(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        JsonNode answer = parse(body);
        AnswerMapping mapping = spec.mapping();
        AnswerMapping.Outcome.Kind outcome = answer == null ? AnswerMapping.Outcome.Kind.OTHER : mapping.outcomeOf(answer);
        if (status == null) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider gave no HTTP status.");
        }
        if (status == 503) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_UNAVAILABLE, "The provider is unavailable.");
        }
        if (status == 504) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_TIMEOUT, "The provider's own back end timed out.");
        }
        if (spec.answersAreSigned()) {
            // checked before anything is read from the answer, "not found" included: a forged answer decides nothing
            String signature = exchange.getMessage().getHeader(PROVIDER_SIGNATURE_HEADER, String.class);
            if (signature == null || !VERIFIER.verify(body == null ? new byte[0] : body, signature, spec.providerKeys()).valid()) {
                throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider's answer does not carry a valid provider signature.");
            }
        }
        // "not found" must come from the provider's own answer (its result code), or from a bare 404 when the
        // mapping declares no result code: a 404 for a wrong path must not read as "no such citizen"
        boolean notFound = outcome == AnswerMapping.Outcome.Kind.NOT_FOUND
                || (status == 404 && !mapping.declaresOutcome());
        if (notFound) {
            throw new ExchangeRefusal(ProblemCode.SUBJECT_NOT_FOUND, "The provider holds no record for this subject.");
        }
        if (status != 200 || answer == null || outcome != AnswerMapping.Outcome.Kind.FOUND) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider answered with an error.");
        }
        try {
            exchange.getMessage().setBody(mapping.apply(answer));
        } catch (AnswerMapping.MappingException e) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider's answer does not fit the data standard.");
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
