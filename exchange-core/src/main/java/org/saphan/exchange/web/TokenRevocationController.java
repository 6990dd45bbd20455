package org.saphan.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.auth.AccessTokens;
import org.saphan.exchange.auth.AuthAttempts;
import org.saphan.exchange.auth.ClientAuthenticator;
import org.saphan.exchange.auth.TokenIssuer;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.gdx.GdxTokens;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.schemas.ClientSystemId;
import org.saphan.schemas.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Revoking tokens. {@code POST /api/v1/auth/revoke} (RFC 7009): a client revokes one of its own tokens,
 * authenticating with its id and secret (form or HTTP Basic) or with a live bearer token; the answer is
 * 200 whether or not the token was live, so nobody learns about other clients' tokens.
 * {@code POST /api/v1/clients/{agency}/{system}/revoke-tokens}: an operator revokes every token of a
 * client system (bearer and GDX), for example when its secret may have leaked.
 */
@RestController
public class TokenRevocationController {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocationController.class);

    private final TokenIssuer issuer;
    private final AccessTokens tokens;
    private final GdxTokens gdxTokens;
    private final AuthAttempts attempts;
    private final ClientAuthenticator authenticator;
    private final RoleGuard guard;

    public TokenRevocationController(TokenIssuer issuer, AccessTokens tokens, GdxTokens gdxTokens, AuthAttempts attempts,
                                     ClientAuthenticator authenticator, RoleGuard guard) {
        this.issuer = issuer;
        this.tokens = tokens;
        this.gdxTokens = gdxTokens;
        this.attempts = attempts;
        this.authenticator = authenticator;
        this.guard = guard;
    }

    @PostMapping(value = "/api/v1/auth/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Void> revoke(@RequestParam(name = "token", required = false) String token,
                                       @RequestParam(name = "client_id", required = false) String clientId,
                                       @RequestParam(name = "client_secret", required = false) String clientSecret,
                                       @RequestHeader(name = "Authorization", required = false) String authorization,
                                       HttpServletRequest http) {
        ClientSystem client = caller(clientId, clientSecret, authorization, http);
        if (token == null || token.isBlank()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "token is required.");
        }
        if (tokens.revokeOwnedBy(token.trim(), client.id().toString())) {
            LOG.info("token revoked by its client: client={}", client.id());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    @PostMapping("/api/v1/clients/{agency}/{system}/revoke-tokens")
    public ResponseEntity<Map<String, Object>> revokeAll(@PathVariable String agency, @PathVariable String system,
                                                         HttpServletRequest http) {
        ClientSystem operator = guard.require(http, Role.OPERATOR);
        String clientId = agency + "/" + system;
        if (!ClientSystemId.isWellFormed(clientId)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "The client id must be AGENCY/system-code.");
        }
        int bearer = tokens.revokeAllOf(clientId);
        int gdx = gdxTokens.revokeAllOf(clientId);
        LOG.warn("all tokens of a client revoked: client={} operator={} bearer={} gdx={}", clientId, operator.id(), bearer, gdx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", clientId);
        body.put("revokedTokens", bearer);
        body.put("revokedGdxTokens", gdx);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private ClientSystem caller(String clientId, String clientSecret, String authorization, HttpServletRequest http) {
        if (clientId == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = TokenController.decodeBasic(authorization.substring(6).trim());
            clientId = pair[0];
            clientSecret = pair[1];
        }
        if (clientId != null && clientSecret != null) {
            String id = clientId;
            attempts.blockedFor(id, http.getRemoteAddr()).ifPresent(wait -> {
                throw new ProblemException(ProblemCode.TOO_MANY_ATTEMPTS,
                        "Too many failed attempts for this client or address. Try again after the time in Retry-After.",
                        wait.toSeconds());
            });
            Optional<ClientSystem> client = issuer.verify(id, clientSecret);
            if (client.isEmpty()) {
                attempts.failed(id, http.getRemoteAddr(), "revoke-refused");
                throw new ProblemException(ProblemCode.UNAUTHENTICATED, "Unknown client or wrong secret.");
            }
            return client.get();
        }
        InboundRequest credentials = new InboundRequest(null,
                authorization == null ? Map.of() : Map.of(InboundRequest.AUTHORIZATION, authorization),
                new byte[0], false, null, RoleGuard.clientCertificates(http));
        return authenticator.authenticate(credentials).orElseThrow(() -> new ProblemException(ProblemCode.UNAUTHENTICATED,
                "Authenticate with client_id and client_secret, HTTP Basic, a bearer token or a client certificate."));
    }
}
