package org.saphan.exchange.route;

import org.apache.camel.ProducerTemplate;

/**
 * How every face (and a composite, for its parts) hands an exchange to the route: with the exchange id in the
 * logging context (MDC key {@code exchangeId}), so each log line written while the exchange runs names it. On
 * the caller's thread this is set here; on any other thread the route uses, {@link ExchangeIdLogging} sets it.
 * The id is a random UUID: safe to log, unlike anything from the request.
 */
public final class ExchangeEntry {

    public static final String MDC_EXCHANGE_ID = "exchangeId";

    private ExchangeEntry() {
    }

    public static void send(ProducerTemplate camel, ExchangeState state) {
        String previous = ExchangeIdLogging.tag(state.exchangeId()); // a composite's own id, around a part
        try {
            camel.send(ExchangeRoute.ENTRY, ex -> ex.setProperty(ExchangeState.PROPERTY, state));
        } finally {
            ExchangeIdLogging.restore(previous);
        }
    }
}
