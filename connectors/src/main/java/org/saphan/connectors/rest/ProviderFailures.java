package org.saphan.connectors.rest;

import org.apache.camel.Exchange;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** Turns a failed provider call into the standard's provider codes. */
public final class ProviderFailures {

    private ProviderFailures() {
    }

    /** For a connector route's doCatch: the caught failure leaves as the standard's provider refusal. */
    public static void rethrowAsRefusal(Exchange exchange) {
        throw refusalFor(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    public static ExchangeRefusal refusalFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExchangeRefusal r) {
                return r;
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new ExchangeRefusal(ProblemCode.PROVIDER_TIMEOUT, "The provider did not answer in time.");
            }
        }
        return new ExchangeRefusal(ProblemCode.PROVIDER_UNAVAILABLE, "The provider could not be reached.");
    }
}
