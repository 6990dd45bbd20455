package org.saphan.security.verify;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.support.MutableClock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    private static final byte[] BODY = "{\"exchangeId\":\"ex-cli\",\"data\":{\"ok\":true}}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private HubSigningKeys keys;
    private String signature;
    private Path bodyFile;
    private Path signatureFile;
    private Path jwksFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void signAResponse() throws Exception {
        keys = HubSigningKeys.openOrCreate(tmp.resolve("hub.p12"), "pw".toCharArray(), KeyAlgorithm.ES256,
                Duration.ofDays(1), new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
        signature = new ExchangeSigner(keys).sign(BODY, "ex-cli");
        bodyFile = Files.write(tmp.resolve("response.json"), BODY);
        signatureFile = Files.writeString(tmp.resolve("signature.txt"), signature + "\n");
        jwksFile = Files.writeString(tmp.resolve("jwks.json"), keys.jwksJson());
    }

    private int run(String... args) {
        return run(new byte[0], args);
    }

    private int run(byte[] stdin, String... args) {
        return VerifyCommand.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validSignatureFromFilesExitsZero() {
        int status = run("--body", bodyFile.toString(), "--signature", signatureFile.toString(), "--jwks", jwksFile.toString());

        assertThat(status).isEqualTo(0);
        assertThat(out()).startsWith("valid kid=" + keys.active().kid() + " exchangeId=ex-cli iat=1735689600");
        assertThat(err()).isEmpty();
    }

    @Test
    void signatureMayBeGivenLiterallyOrAsASavedHeaderLineAndTheBodyOnStandardInput() throws Exception {
        assertThat(run("--body", bodyFile.toString(), "--signature", signature, "--jwks=" + jwksFile)).isEqualTo(0);
        Path headerLine = Files.writeString(tmp.resolve("header.txt"), "X-Exchange-Signature: " + signature + "\r\n");
        assertThat(run(BODY, "--body", "-", "--signature", headerLine.toString(), "--jwks", jwksFile.toString())).isEqualTo(0);
    }

    @Test
    void changedBodyExitsOneWithTheReason() throws Exception {
        byte[] changed = BODY.clone();
        changed[10] = 'X';
        Path changedFile = Files.write(tmp.resolve("changed.json"), changed);

        int status = run("--body", changedFile.toString(), "--signature", signatureFile.toString(), "--jwks", jwksFile.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out()).isEqualTo("invalid: bad-signature" + System.lineSeparator());
    }

    @Test
    void keyMissingFromTheJwksExitsOne() throws Exception {
        HubSigningKeys other = HubSigningKeys.openOrCreate(tmp.resolve("other.p12"), "pw".toCharArray(), KeyAlgorithm.EdDSA,
                Duration.ofDays(1), new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
        Path otherJwks = Files.writeString(tmp.resolve("other.json"), other.jwksJson());

        assertThat(run("--body", bodyFile.toString(), "--signature", signature, "--jwks", otherJwks.toString())).isEqualTo(1);
        assertThat(out()).startsWith("invalid: unknown-kid");
    }

    @Test
    void jwksMayComeFromAUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            byte[] json = keys.jwksJson().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(json);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            assertThat(run("--body", bodyFile.toString(), "--signature", signature, "--jwks", url)).isEqualTo(0);
            assertThat(out()).startsWith("valid ");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("missing --body").contains("usage:");
        assertThat(run("--body", bodyFile.toString(), "--signature", signature)).isEqualTo(2);
        assertThat(run("--body", bodyFile.toString(), "--signature", signature, "--jwks")).isEqualTo(2);
        assertThat(run("--bogus", "x", "--body", bodyFile.toString(), "--signature", signature, "--jwks", jwksFile.toString()))
                .isEqualTo(2);
        assertThat(run("--body", bodyFile.toString(), "--body", bodyFile.toString(), "--signature", signature,
                "--jwks", jwksFile.toString())).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void unreadableInputsExitTwo() throws Exception {
        assertThat(run("--body", tmp.resolve("nope.json").toString(), "--signature", signature, "--jwks", jwksFile.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("cannot read input");
        Path notJwks = Files.writeString(tmp.resolve("not-jwks.json"), "[]");
        assertThat(run("--body", bodyFile.toString(), "--signature", signature, "--jwks", notJwks.toString())).isEqualTo(2);
        assertThat(err()).contains("cannot load JWKS");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out()).contains("--body").contains("--signature").contains("--jwks");
    }
}
