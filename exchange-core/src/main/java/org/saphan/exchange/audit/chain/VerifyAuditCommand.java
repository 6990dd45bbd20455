package org.saphan.exchange.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.security.signing.JwsReceipts;
import org.saphan.security.verify.JwsVerificationException;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code verify-audit --export FILE --jwks JWKS [--signature FILE.jws]}: checks an export or archive
 * file offline. Exit status 0 when it verifies, 1 when it does not, 2 on a usage or read error.
 */
public final class VerifyAuditCommand {

    /** typ of the compact JWS over an archive file's SHA-256. */
    public static final String ARCHIVE_TYP = "saphan-audit-archive+jwt";

    private VerifyAuditCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Path export = null;
        Path jwksFile = null;
        Path signature = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 < args.length && a.equals("--export")) {
                export = Path.of(args[++i]);
            } else if (i + 1 < args.length && a.equals("--jwks")) {
                jwksFile = Path.of(args[++i]);
            } else if (i + 1 < args.length && a.equals("--signature")) {
                signature = Path.of(args[++i]);
            } else if (!a.equals("verify-audit")) {
                out.println("unknown argument: " + a);
                return usage(out);
            }
        }
        if (export == null || jwksFile == null) {
            return usage(out);
        }
        try {
            JWKSet jwks = JWKSet.parse(Files.readString(jwksFile, StandardCharsets.UTF_8));
            if (signature != null) {
                String problem = checkArchiveSignature(export, Files.readString(signature, StandardCharsets.US_ASCII).trim(), jwks);
                if (problem != null) {
                    out.println("invalid: archive signature: " + problem);
                    return 1;
                }
                out.println("archive signature valid");
            }
            ChainVerifier.Report report = AuditNdjson.verify(export, jwks);
            report.nodes().forEach((node, s) -> out.println("node " + node + ": seq " + s.fromSeq() + ".." + s.toSeq()
                    + (s.broken() ? " BROKEN" : " head " + s.headHash())));
            for (ChainBreak b : report.breaks()) {
                out.println("break: " + b.kind().code() + " node=" + b.node() + " seq=" + b.seq()
                        + (b.exchangeId() == null ? "" : " exchangeId=" + b.exchangeId())
                        + (b.checkpointId() < 0 ? "" : " checkpoint=" + b.checkpointId()) + ": " + b.detail());
            }
            out.println((report.ok() ? "valid" : "invalid") + ": " + report.records() + " records, "
                    + report.checkpoints() + " checkpoints");
            return report.ok() ? 0 : 1;
        } catch (Exception e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** @return null when the JWS signs this file's SHA-256, else why not */
    public static String checkArchiveSignature(Path file, String jws, JWKSet jwks) throws java.io.IOException {
        JsonNode payload;
        try {
            payload = new ObjectMapper().readTree(JwsReceipts.verifyCompact(jws, jwks, ARCHIVE_TYP));
        } catch (JwsVerificationException e) {
            return e.reason();
        }
        String actual = sha256(file);
        return actual.equals(payload.path("sha256").asText()) ? null : "file SHA-256 differs from the signed one";
    }

    public static String sha256(Path file) throws java.io.IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: verify-audit --export FILE.ndjson --jwks JWKS.json [--signature FILE.ndjson.jws]");
        return 2;
    }
}
