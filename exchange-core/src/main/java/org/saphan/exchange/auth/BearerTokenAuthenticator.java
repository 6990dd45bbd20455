package org.saphan.exchange.auth;

import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.route.InboundRequest;

import java.util.Optional;
import java.util.function.Supplier;

/** Authenticates {@code Authorization: Bearer <token>} against the shared token table. */
public final class BearerTokenAuthenticator implements ClientAuthenticator {

    private static final String BEARER = "bearer ";

    private final AccessTokens tokens;
    private final Supplier<Catalog> catalog;

    public BearerTokenAuthenticator(AccessTokens tokens, Supplier<Catalog> catalog) {
        this.tokens = tokens;
        this.catalog = catalog;
    }

    @Override
    public Optional<ClientSystem> authenticate(InboundRequest request) {
        String header = request.header(InboundRequest.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        // a client removed from the catalog loses access even while its token lives
        return tokens.clientOf(header.substring(BEARER.length()).trim()).flatMap(catalog.get()::client);
    }
}
