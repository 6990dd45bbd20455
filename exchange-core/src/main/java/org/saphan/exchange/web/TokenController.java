package org.saphan.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.auth.AccessTokens;
import org.saphan.exchange.auth.AuthAttempts;
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
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/token}: the OAuth2 client-credentials grant (RFC 6749 s.4.4). The client
 * id and secret come form-encoded, or as HTTP Basic credentials. Refusals use the hub's problem+json.
 */
@RestController
public class TokenController {

    private final TokenIssuer issuer;
    private final AuthAttempts attempts;

    public TokenController(TokenIssuer issuer, AuthAttempts attempts) {
        this.issuer = issuer;
        this.attempts = attempts;
    }

    @PostMapping(value = "/api/v1/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<?> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                   @RequestParam(name = "client_id", required = false) String clientId,
                                   @RequestParam(name = "client_secret", required = false) String clientSecret,
                                   @RequestHeader(name = "Authorization", required = false) String authorization,
                                   HttpServletRequest http) {
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
        String id = clientId;
        String address = http.getRemoteAddr();
        attempts.blockedFor(id, address).ifPresent(wait -> {
            throw new ProblemException(ProblemCode.TOO_MANY_ATTEMPTS,
                    "Too many failed attempts for this client or address. Try again after the time in Retry-After.",
                    wait.toSeconds());
        });
        Optional<AccessTokens.IssuedToken> issued = issuer.issue(clientId, clientSecret);
        if (issued.isEmpty()) {
            attempts.failed(id, address, "token-refused");
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "Unknown client or wrong secret.");
        }
        attempts.succeeded(id);
        AccessTokens.IssuedToken token = issued.get();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("access_token", token.token(), "token_type", "Bearer",
                        "expires_in", token.expiresInSeconds()));
    }

    static String[] decodeBasic(String encoded) {
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
