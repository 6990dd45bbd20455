package org.saphan.exchange.signing;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.web.RoleGuard;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json}: every public key that still verifies hub signatures (public,
 * so any receiver can check an answer). {@code POST /api/v1/keys/rotate}: an operator makes a new
 * active key; the old one keeps verifying for the configured overlap.
 */
@RestController
public class KeysController {

    private static final Logger LOG = LoggerFactory.getLogger(KeysController.class);
    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final HubSigningKeys keys;
    private final RoleGuard guard;

    public KeysController(HubSigningKeys keys, RoleGuard guard) {
        this.keys = keys;
        this.guard = guard;
    }

    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(keys.jwksJson());
    }

    @PostMapping(value = "/api/v1/keys/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> rotate(HttpServletRequest request) {
        ClientSystem operator = guard.require(request, Role.OPERATOR);
        SigningKey key = keys.rotate();
        LOG.info("signing key rotated: by={} kid={}", operator.id(), key.kid());
        return Map.of("kid", key.kid(), "algorithm", key.algorithm().name(), "createdAt", key.createdAt().toString(),
                "previousKeysVerifyFor", keys.verificationOverlap().toString());
    }
}
