package org.saphan.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;

/**
 * Maps a SOAP answer to the standard's data set. The mapping's result code decides: a fault (or answer) whose code
 * means "not found" is {@code subject-not-found}; any other fault, or an answer that is not "found", is
 * {@code provider-error}.
 */
final class SoapAnswer implements Processor {

    private final AnswerMapping mapping;

    SoapAnswer(AnswerMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public void process(Exchange exchange) {
        JsonNode answer = exchange.getMessage().getBody(JsonNode.class);
        boolean fault = Boolean.TRUE.equals(exchange.getProperty(SoapCall.FAULT, Boolean.class));
        AnswerMapping.Outcome.Kind outcome = answer == null ? AnswerMapping.Outcome.Kind.OTHER : mapping.outcomeOf(answer);
        if (outcome == AnswerMapping.Outcome.Kind.NOT_FOUND) {
            throw new ExchangeRefusal(ProblemCode.SUBJECT_NOT_FOUND, "The provider holds no record for this subject.");
        }
        if (fault || outcome != AnswerMapping.Outcome.Kind.FOUND) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider answered with an error.");
        }
        try {
            exchange.getMessage().setBody(mapping.apply(answer));
        } catch (AnswerMapping.MappingException e) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider's answer does not fit the data standard.");
        }
    }
}
