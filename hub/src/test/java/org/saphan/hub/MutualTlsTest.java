package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.tls.TlsConnector;
import org.saphan.security.pki.CertificateAuthority;
import org.saphan.security.pki.DevelopmentPki;
import org.saphan.security.pki.IssuedCertificate;
import org.saphan.security.pki.PemFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.apache.tomcat.util.net.SSLHostConfig;
import org.saphan.security.tls.TlsPolicy;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS on the hub's HTTPS connector, with certificates from dev-pki: a mapped certificate of the
 * configured CA authenticates its client system; an expired, foreign or unmapped one is refused with
 * problem+json {@code unauthenticated} and audited. Its own Spring context (TLS on), the only one.
 */
class MutualTlsTest extends HubTestSupport {

    private static final Path PKI = pki();
    private static final CertificateAuthority DEV_CA = devCa();
    private static final String BODY = "{\"citizenId\":\"" + CITIZEN + "\"}";

    @Autowired
    TlsConnector tls;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void tlsProperties(DynamicPropertyRegistry registry) {
        registry.add("saphan.tls.enabled", () -> "true");
        // this context is a second hub node on the same test database: each node writes only its own chain
        registry.add("saphan.node-id", () -> "node-tls");
        registry.add("saphan.tls.port", () -> "0");
        registry.add("saphan.tls.certificate", () -> PKI.resolve("hub.crt").toString());
        registry.add("saphan.tls.private-key", () -> PKI.resolve("hub.key").toString());
        registry.add("saphan.tls.client-ca", () -> PKI.resolve("ca.crt").toString());
    }

    @Test
    void aMappedCertificateOfTheCaAuthenticatesItsClientSystem() throws Exception {
        HttpResponse<String> response = exchangeOverTls(client("MSDHS/welfare-portal"), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = read(response.body());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?",
                body.path("exchangeId").asText());
        assertThat(row.get("consumer")).isEqualTo(PORTAL);
        assertThat(row.get("decision")).isEqualTo("permit");

        // the certificate maps to RD/tax-audit, which has no agreement
        assertThat(problemCode(exchangeOverTls(client("RD/tax-audit"), null))).isEqualTo("access-denied");
        // roles hold for certificates too
        assertThat(httpsGet(client("HUB/operator-console"), "/api/v1/agreements").statusCode()).isEqualTo(200);
        assertThat(httpsGet(client("MSDHS/welfare-portal"), "/api/v1/agreements").statusCode()).isEqualTo(403);
    }

    @Test
    void expiredForeignAndUnmappedCertificatesAreRefusedAndAudited() throws Exception {
        Instant now = Instant.now();
        IssuedCertificate expired = DEV_CA.issueClient(DevelopmentPki.subjectFor("MSDHS/welfare-portal"),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        CertificateAuthority foreignCa = CertificateAuthority.create("CN=Saphan Development CA,O=Saphan Development,C=TH",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        IssuedCertificate foreign = foreignCa.issueClient(DevelopmentPki.subjectFor("MSDHS/welfare-portal"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        IssuedCertificate unmapped = DEV_CA.issueClient(DevelopmentPki.subjectFor("MSDHS/unknown-system"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));

        for (IssuedCertificate bad : List.of(expired, foreign, unmapped)) {
            HttpResponse<String> refused = exchangeOverTls(bad, null);
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = read(refused.body());
            assertThat(problem.path("code").asText()).isEqualTo("unauthenticated");
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE exchange_id = ?",
                    problem.path("exchangeId").asText());
            assertThat(row.get("decision")).isEqualTo("deny");
            assertThat(row.get("reason_code")).isEqualTo("unauthenticated");
        }
        // a presented bad certificate decides alone: a good bearer token beside it does not help (fail closed)
        assertThat(exchangeOverTls(expired, bearer(PORTAL, PORTAL_SECRET)).statusCode()).isEqualTo(401);
        assertThat(httpsGet(unmapped, "/api/v1/agreements").statusCode()).isEqualTo(401);
    }

    @Test
    void withoutACertificateTheHttpsPortTakesBearerTokens() throws Exception {
        assertThat(exchangeOverTls(null, bearer(PORTAL, PORTAL_SECRET)).statusCode()).isEqualTo(200);
        assertThat(problemCode(exchangeOverTls(null, null))).isEqualTo("unauthenticated");
    }

    @Test
    void theSoapFaceTakesTheSameCertificates() throws Exception {
        HttpResponse<String> answered = soapOverTls(client("MSDHS/welfare-portal"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("<exchangeResponse", "สมชาย");
        // the certificate maps to RD/tax-audit, which has no agreement
        HttpResponse<String> refused = soapOverTls(client("RD/tax-audit"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<code>access-denied</code>");
    }

    private HttpResponse<String> soapOverTls(IssuedCertificate certificate) throws Exception {
        String envelope = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="https://saphan.example/exchange/soap/v1">\
                <s:Header><x:exchangeHeader><x:purpose>welfare-eligibility</x:purpose><x:legalBasis>pdpa-24-4</x:legalBasis>\
                <x:officerId>%s</x:officerId><x:requestId>%s</x:requestId></x:exchangeHeader></s:Header>\
                <s:Body><x:exchangeRequest><x:service>%s</x:service><x:parameter name="citizenId">%s</x:parameter>\
                </x:exchangeRequest></s:Body></s:Envelope>""".formatted(OFFICER, UUID.randomUUID(), PROFILE, CITIZEN);
        return https(certificate).send(HttpRequest.newBuilder(URI.create(httpsUrl("/services/exchange")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theHttpsPortSpeaksOnlyTls13And12WithForwardSecretAeadSuites() throws Exception {
        SSLHostConfig config = tls.sslHostConfig();
        assertThat(config.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
        assertThat(config.getEnabledCiphers()).isNotEmpty().allSatisfy(c -> assertThat(TlsPolicy.CIPHER_SUITES).contains(c));

        assertThat(handshake("TLSv1.3", null)).isEqualTo("TLSv1.3 TLS_AES_256_GCM_SHA384");
        assertThat(handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
                .isEqualTo("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        // suites this JDK still offers by default, refused by the hub's policy: CBC (not AEAD)
        for (String weak : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA")) {
            assertThatThrownBy(() -> handshake("TLSv1.2", weak)).as(weak).isInstanceOf(SSLHandshakeException.class);
        }
        // TLS 1.1 and 1.0: not in the hub's list (and disabled by the JDK as well)
        assertThatThrownBy(() -> handshake("TLSv1.1", null)).isInstanceOf(SSLException.class);
    }

    /** A bare TLS handshake with the HTTPS port, offering only the given protocol (and suite); gives what was agreed. */
    private String handshake(String protocol, String cipherSuite) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", DEV_CA.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        context.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", tls.localPort())) {
            socket.setSoTimeout(5_000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (cipherSuite != null) {
                socket.setEnabledCipherSuites(new String[] {cipherSuite});
            }
            socket.startHandshake();
            return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
        }
    }

    private HttpResponse<String> exchangeOverTls(IssuedCertificate certificate, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpsUrl("/api/v1/exchange/" + PROFILE)))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        exchangeHeaders(bearer).forEach((k, v) -> {
            if (v != null) {
                request.header(k, v);
            }
        });
        return https(certificate).send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> httpsGet(IssuedCertificate certificate, String path) throws Exception {
        return https(certificate).send(HttpRequest.newBuilder(URI.create(httpsUrl(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String httpsUrl(String path) {
        return "https://127.0.0.1:" + tls.localPort() + path;
    }

    private static String problemCode(HttpResponse<String> response) {
        return read(response.body()).path("code").asText();
    }

    /** A client that trusts the dev CA for the server and presents the given certificate (or none). */
    private static HttpClient https(IssuedCertificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", DEV_CA.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (certificate != null) {
            keys.setKeyEntry("client", certificate.privateKey(), "x".toCharArray(),
                    certificate.chain().toArray(new Certificate[0]));
        }
        kmf.init(keys, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static IssuedCertificate client(String clientId) throws IOException {
        Path dir = PKI.resolve("clients");
        List<X509Certificate> chain = PemFiles.readCertificates(dir.resolve(DevelopmentPki.fileStem(clientId) + ".crt"));
        return new IssuedCertificate(chain.get(0),
                PemFiles.readPrivateKey(dir.resolve(DevelopmentPki.fileStem(clientId) + ".key")), chain);
    }

    private static Path pki() {
        try {
            Path dir = Files.createTempDirectory("saphan-tls-test").resolve("pki");
            new DevelopmentPki(dir).create(DevelopmentPki.DEMO_CLIENTS, new PrintStream(new ByteArrayOutputStream()));
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateAuthority devCa() {
        try {
            return CertificateAuthority.of(PemFiles.readCertificates(PKI.resolve("ca.crt")).get(0),
                    PemFiles.readPrivateKey(PKI.resolve("ca.key")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
