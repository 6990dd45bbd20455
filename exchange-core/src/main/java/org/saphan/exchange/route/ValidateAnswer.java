package org.saphan.exchange.route;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.schemas.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Step 8: the provider's answer, mapped by its connector, fits the service's response data set. An
 * answer that does not fit is the provider's fault ({@code provider-error}) and is not released.
 */
public final class ValidateAnswer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateAnswer.class);

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        JsonNode data = exchange.getMessage().getBody(JsonNode.class);
        if (data == null || !data.isObject()) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider's answer could not be read.");
        }
        List<String> violations = state.service().responseSchema().violations(data);
        if (!violations.isEmpty()) {
            // locations and rule names only: the values are personal data
            LOG.warn("provider answer off-schema: exchange={} service={} violations={}",
                    state.exchangeId(), state.service().id(), violations);
            throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR,
                    "The provider's answer does not fit the service's data standard.");
        }
        state.providerData = data;
    }
}
