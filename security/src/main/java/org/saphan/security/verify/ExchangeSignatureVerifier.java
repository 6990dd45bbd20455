package org.saphan.security.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the hub's {@code X-Exchange-Signature}: a compact detached JWS (RFC 7515 appendix F) with
 * an unencoded payload (RFC 7797), over the exact response body bytes. Usable from any Java
 * program: no Spring, no Camel, and no Bouncy Castle.
 *
 * <pre>{@code
 * JWKSet jwks = ExchangeSignatureVerifier.loadJwks("https://hub.example/.well-known/jwks.json");
 * VerificationResult r = new ExchangeSignatureVerifier().verify(bodyBytes, signatureHeader, jwks);
 * if (!r.valid()) throw new IllegalStateException("hub signature: " + r.reason());
 * }</pre>
 *
 * Thread-safe and stateless.
 */
public final class ExchangeSignatureVerifier {

    /** A detached JWS is a header and a signature; anything longer than this is not one of ours. */
    static final int MAX_SIGNATURE_LENGTH = 16 * 1024;
    /** Cap on a JWKS read from a file or URL. */
    static final int MAX_JWKS_BYTES = 1024 * 1024;
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    public VerificationResult verify(byte[] body, String detachedJws, JWKSet jwks) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(jwks, "jwks");
        String kid = null;
        String exchangeId = null;
        Long iat = null;
        try {
            CompactJws jws = CompactJws.parse(detachedJws == null ? null : detachedJws.trim(), MAX_SIGNATURE_LENGTH);
            kid = jws.stringMember("kid");
            exchangeId = jws.stringMember("exchangeId");
            iat = jws.longMember("iat");
            if (!jws.payloadPart().isEmpty()) {
                return VerificationResult.invalid(VerificationResult.NOT_DETACHED, kid, exchangeId, iat);
            }
            String alg = jws.stringMember("alg");
            if (alg == null) {
                return VerificationResult.invalid(VerificationResult.MALFORMED, kid, exchangeId, iat);
            }
            if (!SignatureKeys.isAllowed(alg)) {
                return VerificationResult.invalid(VerificationResult.ALG_NOT_ALLOWED, kid, exchangeId, iat);
            }
            if (!Boolean.FALSE.equals(jws.header().get("b64"))) {
                return VerificationResult.invalid(VerificationResult.B64_NOT_FALSE, kid, exchangeId, iat);
            }
            List<String> crit = jws.crit();
            if (crit == null || !crit.contains("b64")) {
                return VerificationResult.invalid(VerificationResult.CRIT_MISSING_B64, kid, exchangeId, iat);
            }
            if (crit.stream().anyMatch(name -> !"b64".equals(name))) {
                return VerificationResult.invalid(VerificationResult.UNKNOWN_CRIT, kid, exchangeId, iat);
            }
            if (kid == null) {
                return VerificationResult.invalid(VerificationResult.MISSING_KID, null, exchangeId, iat);
            }
            JWK jwk = jwks.getKeyByKeyId(kid);
            if (jwk == null) {
                return VerificationResult.invalid(VerificationResult.UNKNOWN_KID, kid, exchangeId, iat);
            }
            if (jws.signaturePart().isEmpty()) {
                return VerificationResult.invalid(VerificationResult.BAD_SIGNATURE, kid, exchangeId, iat);
            }
            JWSHeader header = JWSHeader.parse(jws.header(), new Base64URL(jws.headerPart()));
            JWSVerifier verifier = SignatureKeys.verifierFor(header.getAlgorithm(), jwk);
            if (verifier == null) {
                return VerificationResult.invalid(VerificationResult.KEY_ALG_MISMATCH, kid, exchangeId, iat);
            }
            boolean ok = verifier.verify(header, jws.signingInput(body), new Base64URL(jws.signaturePart()));
            return ok ? VerificationResult.valid(kid, exchangeId, iat)
                      : VerificationResult.invalid(VerificationResult.BAD_SIGNATURE, kid, exchangeId, iat);
        } catch (JwsVerificationException e) {
            return VerificationResult.invalid(e.reason(), kid, exchangeId, iat);
        } catch (ParseException e) {
            return VerificationResult.invalid(VerificationResult.MALFORMED, kid, exchangeId, iat);
        } catch (JOSEException e) {
            return VerificationResult.invalid(VerificationResult.BAD_SIGNATURE, kid, exchangeId, iat);
        }
    }

    /**
     * Reads a JWK set from an {@code http://} or {@code https://} URL (JDK HttpClient, 10 s
     * timeouts) or else from a file path ({@code file:} URIs too). A single JWK object is taken as a
     * set of one.
     *
     * @throws UncheckedIOException when it cannot be read or is not a JWK set
     */
    public static JWKSet loadJwks(String fileOrUrl) {
        Objects.requireNonNull(fileOrUrl, "fileOrUrl");
        try {
            String json;
            String lower = fileOrUrl.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                json = fetch(URI.create(fileOrUrl));
            } else {
                Path path = lower.startsWith("file:") ? Path.of(URI.create(fileOrUrl)) : Path.of(fileOrUrl);
                if (Files.size(path) > MAX_JWKS_BYTES) {
                    throw new IOException("JWKS file larger than " + MAX_JWKS_BYTES + " bytes: " + path);
                }
                json = Files.readString(path, StandardCharsets.UTF_8);
            }
            return parseJwks(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot read JWKS from " + fileOrUrl + ": " + e.getMessage(), e));
        }
    }

    static JWKSet parseJwks(String json) throws IOException {
        try {
            Map<String, Object> obj = com.nimbusds.jose.util.JSONObjectUtils.parse(json);
            if (obj.containsKey("keys")) {
                return JWKSet.parse(obj);
            }
            if (obj.containsKey("kty")) {
                return new JWKSet(JWK.parse(obj));
            }
            throw new IOException("not a JWK set: no \"keys\" member");
        } catch (ParseException e) {
            throw new IOException("not a JWK set: " + e.getMessage(), e);
        }
    }

    private static String fetch(URI uri) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(HTTP_TIMEOUT)
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("JWKS request to " + uri + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = in.readNBytes(MAX_JWKS_BYTES + 1);
                if (bytes.length > MAX_JWKS_BYTES) {
                    throw new IOException("JWKS from " + uri + " larger than " + MAX_JWKS_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }
}
