package org.saphan.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.auth.ClientAuthenticator;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.schemas.ProblemCode;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.util.Map;

/** Guards an endpoint outside the exchange: the caller must be authenticated and hold the role. */
@Component
public class RoleGuard {

    private final ClientAuthenticator authenticator;

    public RoleGuard(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public ClientSystem require(HttpServletRequest request, Role role) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        InboundRequest credentials = new InboundRequest(null,
                authorization == null ? Map.of() : Map.of(InboundRequest.AUTHORIZATION, authorization),
                new byte[0], false, null, clientCertificates(request));
        ClientSystem client = authenticator.authenticate(credentials).orElseThrow(() ->
                new ProblemException(ProblemCode.UNAUTHENTICATED, "A valid bearer token or client certificate is required."));
        if (!client.has(role)) {
            throw new ProblemException(ProblemCode.ACCESS_DENIED, "This endpoint needs the " + role.code() + " role.");
        }
        return client;
    }

    /** The TLS client certificate chain the servlet container received, unchecked; null over plain HTTP. */
    public static X509Certificate[] clientCertificates(HttpServletRequest request) {
        Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof X509Certificate[] certificates && certificates.length > 0 ? certificates : null;
    }
}
