package org.saphan.exchange.route;

import org.apache.camel.ProducerTemplate;
import org.slf4j.MDC;

/**
 * How every face hands an exchange to the route: with the exchange id in the logging context (MDC key
 * {@code exchangeId}), so each log line written while the exchange runs on the caller's thread names it.
 * The id is a random UUID: safe to log, unlike anything from the request.
 */
public final class ExchangeEntry {

    public static final String MDC_EXCHANGE_ID = "exchangeId";

    private ExchangeEntry() {
    }

    public static void send(ProducerTemplate camel, ExchangeState state) {
        MDC.put(MDC_EXCHANGE_ID, state.exchangeId());
        try {
            camel.send(ExchangeRoute.ENTRY, ex -> ex.setProperty(ExchangeState.PROPERTY, state));
        } finally {
            MDC.remove(MDC_EXCHANGE_ID);
        }
    }
}
