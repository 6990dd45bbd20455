package org.saphan.exchange.audit;

import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.JwsReceipts;
import org.saphan.security.signing.KeyAlgorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

/** A throw-away hub signing key, as a test's hub and auditor see it. */
final class AuditTestKeys {

    final HubSigningKeys keys;
    final JwsReceipts receipts;

    AuditTestKeys() {
        try {
            Path dir = Files.createTempDirectory("audit-keys");
            keys = HubSigningKeys.openOrCreate(dir.resolve("k.p12"), "test-password".toCharArray(), KeyAlgorithm.parse("ES256"),
                    Duration.ofDays(30), Clock.systemUTC());
            receipts = new JwsReceipts(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JWKSet jwks() {
        try {
            return JWKSet.parse(keys.jwksJson());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
