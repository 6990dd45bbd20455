package org.saphan.exchange.auth;

import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.route.InboundRequest;

import java.util.Optional;

/** Says which client system stands behind a request's credentials. */
public interface ClientAuthenticator {

    /** The client, or empty when the credentials are missing, unknown, expired or revoked. */
    Optional<ClientSystem> authenticate(InboundRequest request);
}
