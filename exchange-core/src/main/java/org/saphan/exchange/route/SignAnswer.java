package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.schemas.ProblemCode;
import org.saphan.security.signing.ResponseSigner;

import java.util.HashMap;
import java.util.Map;

/**
 * Step 11: the hub signs the exact body bytes it will send (detached JWS, unencoded payload), so the
 * receiver can prove where the data came from. A hub that cannot sign releases nothing.
 */
public final class SignAnswer implements Processor {

    public static final String SIGNATURE_HEADER = "X-Exchange-Signature";

    private final ResponseSigner signer;

    public SignAnswer(ResponseSigner signer) {
        this.signer = signer;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        try {
            state.setAnswer(signed(state.answer(), state.exchangeId()));
        } catch (RuntimeException e) {
            state.setAnswer(null);
            throw new ExchangeRefusal(ProblemCode.HUB_UNAVAILABLE,
                    "The hub cannot sign answers at the moment, so no data is released. Try again later.");
        }
    }

    /** The answer with its signature header; throws when the key cannot be used. */
    ExchangeAnswer signed(ExchangeAnswer answer, String exchangeId) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put(SIGNATURE_HEADER, signer.sign(answer.body(), exchangeId));
        return new ExchangeAnswer(answer.status(), answer.contentType(), Map.copyOf(headers), answer.body());
    }
}
