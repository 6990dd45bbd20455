package org.saphan.exchange.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.schemas.CitizenId;
import org.saphan.schemas.ProblemCode;

import java.util.List;

/**
 * Step 6: the request fits the service's data set, and the subject's citizen ID has a valid check
 * digit. A bad ID is refused here and never reaches a provider.
 */
public final class ValidateRequest implements Processor {

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        ServiceDefinition service = state.service();
        JsonNode subjectField = service.subjectField() == null ? null : state.request().get(service.subjectField());
        if (subjectField != null && !(subjectField.isTextual() && CitizenId.isValid(subjectField.textValue()))) {
            throw new ExchangeRefusal(ProblemCode.INVALID_CITIZEN_ID,
                    "The citizen ID must be 13 digits with a valid check digit.");
        }
        List<String> violations = service.requestSchema().violations(state.request());
        if (!violations.isEmpty()) {
            throw new ExchangeRefusal(ProblemCode.INVALID_REQUEST,
                    "The request does not fit the service's schema: " + String.join("; ", violations));
        }
        if (subjectField != null) {
            state.subject = CitizenId.parse(subjectField.textValue());
        }
        exchange.getMessage().setBody(state.request());
    }
}
