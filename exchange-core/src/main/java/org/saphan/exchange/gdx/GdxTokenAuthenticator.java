package org.saphan.exchange.gdx;

import org.saphan.exchange.auth.ClientAuthenticator;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.route.InboundRequest;

import java.util.Optional;
import java.util.function.Supplier;

/** Authenticates the GDX face's {@code Consumer-Key} and {@code Token} headers: the token must be live and the key's. */
public final class GdxTokenAuthenticator implements ClientAuthenticator {

    private final GdxTokens tokens;
    private final Supplier<Catalog> catalog;

    public GdxTokenAuthenticator(GdxTokens tokens, Supplier<Catalog> catalog) {
        this.tokens = tokens;
        this.catalog = catalog;
    }

    @Override
    public Optional<ClientSystem> authenticate(InboundRequest request) {
        Optional<ClientSystem> client = catalog.get().clientByGdxConsumerKey(request.header(InboundRequest.GDX_CONSUMER_KEY));
        return client.filter(c -> tokens.use(request.header(InboundRequest.GDX_TOKEN), c.id().toString()).isPresent());
    }
}
