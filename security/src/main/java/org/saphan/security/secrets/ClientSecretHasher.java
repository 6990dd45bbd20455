package org.saphan.security.secrets;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Client secrets are kept only as bcrypt hashes (Bouncy Castle's OpenBSD bcrypt: slow, salted).
 * Checking uses Bouncy Castle's constant-time comparison. The catalog holds the hash; an operator
 * makes one with {@code java -jar saphan-hub.jar hash-secret}.
 */
public final class ClientSecretHasher {

    /** 2^10 rounds: about 50-100 ms on a server core, which makes guessing slow and login still quick. */
    public static final int DEFAULT_COST = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;

    public ClientSecretHasher() {
        this(DEFAULT_COST);
    }

    public ClientSecretHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31");
        }
        this.cost = cost;
    }

    public String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", secret.toCharArray(), salt, cost);
    }

    /** True when {@code secret} matches {@code storedHash}; false (never an exception) for a malformed hash. */
    public boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        // bcrypt only reads 72 bytes; longer secrets would silently collide, so refuse them.
        if (secret.getBytes(StandardCharsets.UTF_8).length > 72) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(storedHash, secret.toCharArray());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** True when a string has the form of a bcrypt hash this class can check (used by the catalog validator). */
    public static boolean isBcryptHash(String value) {
        return value != null && value.matches("\\$2[aby]\\$[0-3][0-9]\\$[./A-Za-z0-9]{53}");
    }
}
