package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.auth.ClientAuthenticator;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.schemas.ProblemCode;

/** Step 1: who is calling. Only a client system with the {@code consumer} role may exchange data. */
public final class Authenticate implements Processor {

    private final ClientAuthenticator authenticator;

    public Authenticate(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        ClientSystem client = authenticator.authenticate(state.inbound())
                .orElseThrow(() -> new ExchangeRefusal(ProblemCode.UNAUTHENTICATED,
                        "A valid bearer token or client certificate is required."));
        state.client = client;
        if (!client.has(Role.CONSUMER)) {
            throw new ExchangeRefusal(ProblemCode.ACCESS_DENIED, "This client system does not have the consumer role.");
        }
    }
}
