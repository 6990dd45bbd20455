package org.saphan.exchange.auth;

import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.route.InboundRequest;

import java.util.Optional;

/**
 * The hub's authenticator: a client certificate when one was presented, otherwise a GDX token when
 * the GDX face sent one, otherwise a bearer token. A presented certificate decides alone: a bad
 * certificate is refused even with a good token beside it (fail closed, no silent fallback).
 */
public final class ClientCredentials implements ClientAuthenticator {

    private final ClientAuthenticator certificate;
    private final ClientAuthenticator gdxToken;
    private final ClientAuthenticator bearer;

    public ClientCredentials(ClientAuthenticator certificate, ClientAuthenticator gdxToken, ClientAuthenticator bearer) {
        this.certificate = certificate;
        this.gdxToken = gdxToken;
        this.bearer = bearer;
    }

    @Override
    public Optional<ClientSystem> authenticate(InboundRequest request) {
        if (request.clientCertificates() != null && request.clientCertificates().length > 0) {
            return certificate.authenticate(request);
        }
        if (request.header(InboundRequest.GDX_TOKEN) != null) {
            return gdxToken.authenticate(request);
        }
        return bearer.authenticate(request);
    }
}
