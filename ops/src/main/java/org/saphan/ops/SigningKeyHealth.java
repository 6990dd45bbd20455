package org.saphan.ops;

import org.saphan.security.signing.ResponseSigner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Readiness: the active signing key can sign (an unsigned hub releases nothing, so it must not take traffic). */
@Component("signingKeyHealthIndicator")
public class SigningKeyHealth implements HealthIndicator {

    private static final byte[] PROBE = "readiness".getBytes(StandardCharsets.UTF_8);

    private final ResponseSigner signer;

    public SigningKeyHealth(ResponseSigner signer) {
        this.signer = signer;
    }

    @Override
    public Health health() {
        try {
            signer.sign(PROBE, "readiness-probe");
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.outOfService().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
