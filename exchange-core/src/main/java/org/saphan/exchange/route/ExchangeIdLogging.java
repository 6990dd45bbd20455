package org.saphan.exchange.route;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;

/**
 * Puts the exchange id in the logging context (MDC key {@value ExchangeEntry#MDC_EXCHANGE_ID}) around every
 * processor of every route, on whatever thread runs it: the caller's, a composite's part thread, a time limiter's
 * or an asynchronous callback's. The id comes from the exchange's own {@link ExchangeState}, not from the thread,
 * so a line can never be tagged with another exchange's id. The previous value is put back afterwards, because a
 * composite runs sub-exchanges inside its own.
 */
public final class ExchangeIdLogging implements InterceptStrategy {

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                ExchangeState state = exchange.getProperty(ExchangeState.PROPERTY, ExchangeState.class);
                if (state == null) {
                    return processor.process(exchange, callback);
                }
                String id = state.exchangeId();
                String previous = tag(id);
                try {
                    return processor.process(exchange, doneSync -> {
                        String before = tag(id);
                        try {
                            callback.done(doneSync);
                        } finally {
                            restore(before);
                        }
                    });
                } finally {
                    restore(previous);
                }
            }
        };
    }

    /** Tags this thread's log lines with the exchange id; returns what was there before. */
    static String tag(String exchangeId) {
        String previous = MDC.get(ExchangeEntry.MDC_EXCHANGE_ID);
        MDC.put(ExchangeEntry.MDC_EXCHANGE_ID, exchangeId);
        return previous;
    }

    static void restore(String previous) {
        if (previous == null) {
            MDC.remove(ExchangeEntry.MDC_EXCHANGE_ID);
        } else {
            MDC.put(ExchangeEntry.MDC_EXCHANGE_ID, previous);
        }
    }
}
