package org.saphan.exchange.route;

import org.apache.camel.CamelContext;
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
    private final AtomicReference<String> seenOnAnotherThread = new AtomicReference<>();
    private final AtomicReference<String> callerThread = new AtomicReference<>();
    private final AtomicReference<String> otherThread = new AtomicReference<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new ExchangeIdLogging());
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(ExchangeRoute.ENTRY).routeId("entry")
                        .process(e -> {
                            seen.set(MDC.get(ExchangeEntry.MDC_EXCHANGE_ID));
                            callerThread.set(Thread.currentThread().getName());
                        })
                        .to("direct:elsewhere");
                // a hop to another thread, as a time limiter or an asynchronous component makes
                from("direct:elsewhere").routeId("elsewhere")
                        .threads(1)
                        .process(e -> {
                            seenOnAnotherThread.set(MDC.get(ExchangeEntry.MDC_EXCHANGE_ID));
                            otherThread.set(Thread.currentThread().getName());
                        });
            }
        };
    }

    @Test
    void theExchangeIdIsInTheLoggingContextWhileTheExchangeRunsAndGoneAfter() {
        ExchangeState state = state();
        ExchangeEntry.send(template, state);
        assertThat(seen.get()).isEqualTo(state.exchangeId());
        assertThat(MDC.get(ExchangeEntry.MDC_EXCHANGE_ID)).isNull();
    }

    @Test
    void onAnotherThreadOfTheRouteTheExchangeIdComesFromTheExchangeItself() {
        ExchangeState state = state();
        ExchangeEntry.send(template, state);
        assertThat(otherThread.get()).isNotNull().isNotEqualTo(callerThread.get());
        assertThat(seenOnAnotherThread.get()).isEqualTo(state.exchangeId());
    }

    @Test
    void aSubExchangeRestoresItsParentsIdWhenItEnds() {
        ExchangeState outer = state();
        ExchangeState part = state();
        MDC.put(ExchangeEntry.MDC_EXCHANGE_ID, outer.exchangeId());
        try {
            ExchangeEntry.send(template, part);
            assertThat(seen.get()).isEqualTo(part.exchangeId());
            assertThat(seenOnAnotherThread.get()).isEqualTo(part.exchangeId());
            assertThat(MDC.get(ExchangeEntry.MDC_EXCHANGE_ID)).isEqualTo(outer.exchangeId());
        } finally {
            MDC.remove(ExchangeEntry.MDC_EXCHANGE_ID);
        }
    }

    private static ExchangeState state() {
        return new ExchangeState(ExchangeIds.next(), Instant.now(), System.nanoTime(),
                new InboundRequest("DOPA/citizen-profile/v1", Map.of(), "{}".getBytes(StandardCharsets.UTF_8), false,
                        "application/json"));
    }
}
