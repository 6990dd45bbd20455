package org.saphan.exchange.route;

import org.apache.camel.Exchange;

/**
 * Step 7 brackets: the provider call itself is a Camel {@code toD} to the connector's endpoint; these
 * two marks time it, so the access log and metrics carry the provider's latency, also on failure.
 */
public final class CallProvider {

    static final String STARTED = "saphan.providerStartedNanos";

    private CallProvider() {
    }

    public static void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    public static void finish(Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        ExchangeState state = ExchangeSteps.state(exchange);
        if (started != null && state.providerNanos() < 0) {
            state.providerCallTook(System.nanoTime() - started);
        }
    }
}
