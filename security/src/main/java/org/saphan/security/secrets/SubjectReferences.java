package org.saphan.security.secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Turns a citizen ID into a subject reference: HMAC-SHA256 under a key held outside the database.
 * The access log and the consent registry store only references, so the tables never hold an ID in
 * clear, while an auditor can still search by ID (the hub computes the reference of the query).
 */
public final class SubjectReferences {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** Mac is not thread-safe and costly to look up; one per thread keeps the hot path allocation-free. */
    private final ThreadLocal<Mac> macs;

    public SubjectReferences(byte[] keyBytes) {
        if (keyBytes == null || keyBytes.length < 32) {
            throw new IllegalArgumentException("subject key must be at least 256 bits");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * Reads the key from {@code keyFile} (base64), or on first start generates a random key there,
     * readable by the owner only. Production points the file at a secret mount.
     */
    public static SubjectReferences fromKeyFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                if (keyFile.getParent() != null) {
                    Files.createDirectories(keyFile.getParent());
                }
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                restrictToOwner(keyFile);
            }
            byte[] keyBytes = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            return new SubjectReferences(keyBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("subject key file cannot be read or created: " + keyFile, e);
        }
    }

    /** The reference (64 hex characters) of a subject identifier. */
    public String of(String subjectId) {
        byte[] digest = macs.get().doFinal(subjectId.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the operator secures the data directory instead
        }
    }
}
