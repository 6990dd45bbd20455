package org.saphan.hub;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saphan.security.verify.ExchangeSignatureVerifier;
import org.saphan.security.verify.VerificationResult;
import org.saphan.security.verify.VerifyCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer carries a detached JWS that verifies against the published JWKS, across a key rotation. */
class SignedExchangeTest extends HubTestSupport {

    private final ExchangeSignatureVerifier verifier = new ExchangeSignatureVerifier();

    @Test
    void answersAndRefusalsVerifyAgainstThePublishedKeysAcrossARotation(@TempDir Path dir) throws Exception {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        HttpResponse<String> before = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        HttpResponse<String> refusal = exchange(PROFILE, "{\"citizenId\":\"1103000123456\"}", exchangeHeaders(portal));
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(refusal.statusCode()).isEqualTo(400);

        HttpResponse<String> jwks = get("/.well-known/jwks.json", Map.of());
        assertThat(jwks.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("jwk-set+json"));
        assertThat(jwks.body()).doesNotContain("\"d\"");
        VerificationResult first = verify(before, JWKSet.parse(jwks.body()));
        assertThat(first.valid()).as(first.reason()).isTrue();
        assertThat(first.exchangeId()).isEqualTo(read(before.body()).path("exchangeId").asText());
        assertThat(verify(refusal, JWKSet.parse(jwks.body())).valid()).isTrue();

        // only an operator may rotate
        assertThat(post("/api/v1/keys/rotate", "application/json", "", Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> notOperator = post("/api/v1/keys/rotate", "application/json", "", Map.of("Authorization", portal));
        assertThat(notOperator.statusCode()).isEqualTo(403);
        assertThat(read(notOperator.body()).path("code").asText()).isEqualTo("access-denied");
        HttpResponse<String> rotated = post("/api/v1/keys/rotate", "application/json", "",
                Map.of("Authorization", bearer("HUB/operator-console", "demo-operator-console-secret")));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKid = read(rotated.body()).path("kid").asText();
        assertThat(newKid).isNotEqualTo(first.kid());

        HttpResponse<String> after = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}", exchangeHeaders(portal));
        JWKSet published = JWKSet.parse(get("/.well-known/jwks.json", Map.of()).body());
        assertThat(published.getKeys()).hasSize(2);
        assertThat(verify(after, published).kid()).isEqualTo(newKid);
        assertThat(verify(after, published).valid()).isTrue();
        assertThat(verify(before, published).valid()).as("the old key verifies during the overlap").isTrue();

        // an agency verifies a saved response offline with the command-line verifier
        Path body = Files.write(dir.resolve("response.json"), before.body().getBytes(StandardCharsets.UTF_8));
        Path signature = Files.writeString(dir.resolve("response.sig"),
                before.headers().firstValue("X-Exchange-Signature").orElseThrow());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new String[] {"--body", body.toString(), "--signature", signature.toString(),
                "--jwks", url("/.well-known/jwks.json")}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("valid");
        Files.writeString(body, before.body().replace("สมชาย", "สมหญิง"));
        assertThat(VerifyCommand.run(new String[] {"--body", body.toString(), "--signature", signature.toString(),
                "--jwks", url("/.well-known/jwks.json")}, new PrintStream(out), new PrintStream(out))).isEqualTo(1);
    }

    private VerificationResult verify(HttpResponse<String> response, JWKSet keys) {
        String signature = response.headers().firstValue("X-Exchange-Signature").orElseThrow();
        return verifier.verify(response.body().getBytes(StandardCharsets.UTF_8), signature, keys);
    }
}
