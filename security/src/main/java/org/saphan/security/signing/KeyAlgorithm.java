package org.saphan.security.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;

import java.util.Locale;

/** The algorithms of the hub's signing keys. */
public enum KeyAlgorithm {

    /** ECDSA on P-256 with SHA-256 (RFC 7518). The default: every JOSE library verifies it. */
    ES256(JWSAlgorithm.ES256, Curve.P_256),

    /** EdDSA with Ed25519 (RFC 8037). Faster to sign; the option for receivers whose libraries have it. */
    EdDSA(JWSAlgorithm.EdDSA, Curve.Ed25519);

    private final JWSAlgorithm jwsAlgorithm;
    private final Curve curve;

    KeyAlgorithm(JWSAlgorithm jwsAlgorithm, Curve curve) {
        this.jwsAlgorithm = jwsAlgorithm;
        this.curve = curve;
    }

    public static KeyAlgorithm defaultAlgorithm() {
        return ES256;
    }

    /** The JWS {@code alg} header value. */
    public JWSAlgorithm jwsAlgorithm() {
        return jwsAlgorithm;
    }

    /** The JWK {@code crv}: P-256 or Ed25519. */
    public Curve curve() {
        return curve;
    }

    /** Reads a configuration value: {@code ES256}, {@code EdDSA} or {@code Ed25519}, any case. */
    public static KeyAlgorithm parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "es256", "p-256", "p256" -> ES256;
            case "eddsa", "ed25519" -> EdDSA;
            default -> throw new IllegalArgumentException("unknown signing algorithm '" + value + "' (ES256 or EdDSA)");
        };
    }
}
