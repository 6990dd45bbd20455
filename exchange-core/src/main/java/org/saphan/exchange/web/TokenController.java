package org.saphan.exchange.web;

import org.saphan.exchange.auth.AccessTokens;
import org.saphan.exchange.auth.TokenIssuer;
import org.saphan.schemas.ProblemCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /api/v1/auth/token}: the OAuth2 client-credentials grant (RFC 6749 s.4.4). The client
 * id and secret come form-encoded, or as HTTP Basic credentials. Refusals use the hub's problem+json.
 */
@RestController
public class TokenController {

    private final TokenIssuer issuer;

    public TokenController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(value = "/api/v1/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<?> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                   @RequestParam(name = "client_id", required = false) String clientId,
                                   @RequestParam(name = "client_secret", required = false) String clientSecret,
                                   @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "grant_type must be client_credentials.");
        }
        if (clientId == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorization.substring(6).trim());
            clientId = pair[0];
            clientSecret = pair[1];
        }
        if (clientId == null || clientSecret == null) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "client_id and client_secret are required.");
        }
        AccessTokens.IssuedToken token = issuer.issue(clientId, clientSecret).orElseThrow(() ->
                new ProblemException(ProblemCode.UNAUTHENTICATED, "Unknown client or wrong secret."));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("access_token", token.token(), "token_type", "Bearer",
                        "expires_in", token.expiresInSeconds()));
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon > 0) {
                return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
            }
        } catch (IllegalArgumentException ignored) {
            // fall through: malformed credentials
        }
        throw new ProblemException(ProblemCode.INVALID_REQUEST, "Malformed Basic credentials.");
    }
}
