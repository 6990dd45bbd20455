package org.saphan.exchange.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Step 10: the standard's envelope around the released data, as the exact bytes that will be sent. */
public final class ComposeAnswer implements Processor {

    public static final String EXCHANGE_ID_HEADER = "X-Exchange-Id";

    private final ObjectMapper json;
    private final Clock clock;

    public ComposeAnswer(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        ExchangeState state = ExchangeSteps.state(exchange);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("exchangeId", state.exchangeId());
        envelope.put("service", state.service().id().toString());
        envelope.put("issuedAt", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        envelope.set("data", state.providerData());
        state.setAnswer(new ExchangeAnswer(200, ExchangeAnswer.JSON,
                Map.of(EXCHANGE_ID_HEADER, state.exchangeId()), json.writeValueAsBytes(envelope)));
    }
}
