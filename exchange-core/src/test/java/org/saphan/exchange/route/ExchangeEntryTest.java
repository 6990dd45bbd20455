package org.saphan.exchange.route;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeEntryTest extends CamelTestSupport {

    private final AtomicReference<String> seen = new AtomicReference<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(ExchangeRoute.ENTRY).process(e -> seen.set(MDC.get(ExchangeEntry.MDC_EXCHANGE_ID)));
            }
        };
    }

    @Test
    void theExchangeIdIsInTheLoggingContextWhileTheExchangeRunsAndGoneAfter() {
        ExchangeState state = new ExchangeState(ExchangeIds.next(), Instant.now(), System.nanoTime(),
                new InboundRequest("DOPA/citizen-profile/v1", Map.of(), "{}".getBytes(StandardCharsets.UTF_8), false,
                        "application/json"));
        ExchangeEntry.send(template, state);
        assertThat(seen.get()).isEqualTo(state.exchangeId());
        assertThat(MDC.get(ExchangeEntry.MDC_EXCHANGE_ID)).isNull();
    }
}
