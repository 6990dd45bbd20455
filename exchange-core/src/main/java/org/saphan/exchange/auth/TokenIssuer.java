package org.saphan.exchange.auth;

import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.security.secrets.ClientSecretHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OAuth2 client-credentials grant: a client id and secret in, a bearer token out. Failed attempts
 * are logged with the client id only, never the secret.
 */
public final class TokenIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(TokenIssuer.class);
    /** Compared against when the client id is unknown, so unknown and known ids cost the same time. */
    private static final String DUMMY_HASH = new ClientSecretHasher().hash("no such client");

    private final Supplier<Catalog> catalog;
    private final ClientSecretHasher hasher;
    private final AccessTokens tokens;

    public TokenIssuer(Supplier<Catalog> catalog, ClientSecretHasher hasher, AccessTokens tokens) {
        this.catalog = catalog;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    public Optional<AccessTokens.IssuedToken> issue(String clientId, String secret) {
        return verify(clientId, secret).map(c -> tokens.issue(clientId));
    }

    /** The client system when the secret is its own, in the same time whether or not the client exists. */
    public Optional<ClientSystem> verify(String clientId, String secret) {
        Optional<ClientSystem> client = catalog.get().client(clientId);
        String storedHash = client.map(ClientSystem::secretHash).orElse(null);
        boolean matches = hasher.matches(secret, storedHash == null ? DUMMY_HASH : storedHash);
        if (client.isEmpty() || storedHash == null || !matches) {
            LOG.warn("token refused: client={} reason={}", client.isPresent() ? clientId : "unknown",
                    client.isEmpty() ? "unknown-client" : "bad-secret");
            return Optional.empty();
        }
        return client;
    }
}
