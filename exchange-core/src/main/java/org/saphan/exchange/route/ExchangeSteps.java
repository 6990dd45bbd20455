package org.saphan.exchange.route;

import org.apache.camel.Exchange;

/** Access to the {@link ExchangeState} a route carries. */
public final class ExchangeSteps {

    private ExchangeSteps() {
    }

    public static ExchangeState state(Exchange exchange) {
        ExchangeState state = exchange.getProperty(ExchangeState.PROPERTY, ExchangeState.class);
        if (state == null) {
            throw new IllegalStateException("exchange state missing: the route was entered without a face");
        }
        return state;
    }
}
