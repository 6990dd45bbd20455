package org.saphan.exchange.auth;

import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.security.pki.ClientCertificateCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates a TLS client certificate: the chain must lead to the configured client CA and be
 * valid today (checked here, not in the TLS handshake, so a refusal is a problem+json answer that
 * the access log records), and its subject must map to a client system in the catalog.
 */
public final class CertificateAuthenticator implements ClientAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthenticator.class);

    /** Null when the hub has no client CA configured: then no certificate is ever accepted. */
    private final ClientCertificateCheck check;
    private final Supplier<Catalog> catalog;

    public CertificateAuthenticator(ClientCertificateCheck check, Supplier<Catalog> catalog) {
        this.check = check;
        this.catalog = catalog;
    }

    @Override
    public Optional<ClientSystem> authenticate(InboundRequest request) {
        var chain = request.clientCertificates();
        if (chain == null || chain.length == 0) {
            return Optional.empty();
        }
        if (check == null || !check.accepts(chain)) {
            LOG.warn("client certificate refused: reason=untrusted-or-expired");
            return Optional.empty();
        }
        Optional<ClientSystem> client = catalog.get().clientByCertificateSubject(chain[0].getSubjectX500Principal());
        if (client.isEmpty()) {
            LOG.warn("client certificate refused: reason=subject-not-mapped");
        }
        return client;
    }
}
