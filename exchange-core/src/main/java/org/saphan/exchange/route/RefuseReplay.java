package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.schemas.ProblemCode;

/**
 * Step 3: a client may use an {@code X-Request-Id} once within the replay window. A repeat, on this
 * node or any other sharing the database, is {@code replayed-request}: a captured request cannot be
 * sent again.
 */
public final class RefuseReplay implements Processor {

    /** Remembers request ids; true when this client has not used the id inside the window. */
    @FunctionalInterface
    public interface RequestIds {
        boolean firstUse(String clientId, String requestId);
    }

    private final RequestIds requestIds;

    public RefuseReplay(RequestIds requestIds) {
        this.requestIds = requestIds;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        if (!requestIds.firstUse(state.client().id().toString(), state.requestId())) {
            throw new ExchangeRefusal(ProblemCode.REPLAYED_REQUEST,
                    "This X-Request-Id was already used by this client system; every request needs a new one.");
        }
    }
}
