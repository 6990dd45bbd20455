package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.security.pki.CertificateAuthority;
import org.saphan.security.pki.IssuedCertificate;
import org.saphan.security.pki.PemFiles;
import org.springframework.core.io.DefaultResourceLoader;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutual TLS to a REST provider: the provider asks for a client certificate and accepts only those of the CA
 * it agreed with the hub. A service whose settings name the hub's {@code keyStore} presents that certificate
 * and gets answers; without one, or with a certificate of another CA, the handshake is refused and the call is
 * {@code provider-unavailable}. Every key and certificate is made for this test run by the security module's
 * development CA ({@link CertificateAuthority}) in a temporary directory; nothing is read from the repository.
 */
class RestConnectorClientCertificateTest extends CamelTestSupport {

    static final ServiceId WITH_CERTIFICATE = ServiceId.parse("DOPA/citizen-profile/v1");
    static final ServiceId WITHOUT_CERTIFICATE = ServiceId.parse("DOPA/citizen-profile-no-certificate/v1");
    static final ServiceId FOREIGN_CERTIFICATE = ServiceId.parse("DOPA/citizen-profile-foreign-certificate/v1");
    static final String CITIZEN = "1103000123455";
    static final String HUB_SUBJECT = "CN=saphan-hub,OU=HUB,O=Saphan Test,C=TH";
    /** Made per run, never a real secret. */
    static final String KEY_STORE_PASSWORD = "test-only-" + UUID.randomUUID();

    @TempDir
    static Path pki;
    static HttpsServer provider;
    /** The subject of the client certificate the provider saw on its last call, if any. */
    static final AtomicReference<String> presented = new AtomicReference<>();

    @BeforeAll
    static void startProviderThatRequiresClientCertificates() throws Exception {
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofHours(1));
        Instant until = now.plus(Duration.ofDays(1));
        CertificateAuthority providerCa = CertificateAuthority.create("CN=DOPA Test Server CA,O=Saphan Test,C=TH", from, until);
        CertificateAuthority hubCa = CertificateAuthority.create("CN=Hub Client Test CA,O=Saphan Test,C=TH", from, until);
        CertificateAuthority otherCa = CertificateAuthority.create("CN=Other Test CA,O=Saphan Test,C=TH", from, until);

        // the hub's side: the provider's CA to trust, and the hub's client certificate with its key
        PemFiles.writeCertificates(pki.resolve("provider-ca.pem"), List.of(providerCa.certificate()));
        PemFiles.writePkcs12(pki.resolve("hub-client.p12"), "hub", hubCa.issueClient(HUB_SUBJECT, from, until),
                KEY_STORE_PASSWORD.toCharArray());
        PemFiles.writePkcs12(pki.resolve("foreign-client.p12"), "hub",
                otherCa.issueClient(HUB_SUBJECT, from, until), KEY_STORE_PASSWORD.toCharArray());

        // the provider's side: its server certificate, and only the hub's client CA trusted
        IssuedCertificate server = providerCa.issueServer("CN=127.0.0.1,O=Saphan Test,C=TH", List.of("localhost"),
                List.of("127.0.0.1"), from, until);
        char[] serverPassword = KEY_STORE_PASSWORD.toCharArray();
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("provider", server.privateKey(), serverPassword, server.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, serverPassword);
        KeyStore clientCas = KeyStore.getInstance("PKCS12");
        clientCas.load(null, null);
        clientCas.setCertificateEntry("hub-client-ca", hubCa.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(clientCas);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        provider = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        provider.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true); // no client certificate of the hub's CA, no connection
                params.setSSLParameters(parameters);
            }
        });
        provider.createContext("/dopa/linkage/citizen-profile", exchange -> {
            try {
                presented.set(((X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName());
            } catch (SSLPeerUnverifiedException e) {
                presented.set(null);
            }
            byte[] body = ("{\"RESULT_CODE\":\"00\",\"DATA\":{\"PID\":\"" + CITIZEN + "\",\"FNAME\":\"สมชาย\",\"LNAME\":\"ใจดี\","
                    + "\"SEX\":\"1\",\"BIRTH_DATE\":\"25320415\",\"STATUS_CODE\":\"0\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @BeforeEach
    void noCertificateSeenYet() {
        presented.set(null);
    }

    static String service(ServiceId id, String clientCertificate) {
        String keyStore = clientCertificate == null ? "" : """
                    keyStore: %s
                    keyStorePassword: %s
                """.formatted(pki.resolve(clientCertificate), KEY_STORE_PASSWORD);
        return """
                  - id: %s
                    titleTh: ข้อมูลบุคคล
                    titleEn: Citizen profile
                    purposes: [welfare-eligibility]
                    requestSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/request.schema.json
                    responseSchema: classpath:saphan/schemas/DOPA/citizen-profile/v1/response.schema.json
                    subjectField: citizenId
                    fields: {citizenId: personal, titleTh: personal, firstNameTh: personal, lastNameTh: personal,
                             firstNameEn: personal, lastNameEn: personal, birthDate: personal, gender: personal,
                             nationality: personal, lifeStatus: personal, address: personal}
                    metadata: {owner: DOPA, dataCategory: personal, updateFrequency: real-time, maintainer: DOPA}
                    connector:
                      kind: rest
                      timeout: 2s
                      settings:
                        baseUrl: https://127.0.0.1:%d
                        path: /dopa/linkage/citizen-profile
                        query: {PID: citizenId}
                        mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
                        trustStore: %s
                """.formatted(id, provider.getAddress().getPort(), pki.resolve("provider-ca.pem")) + keyStore.indent(4);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String catalogText = """
                purposes:
                  - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิ, titleEn: Welfare eligibility}
                agencies:
                  - {code: DOPA, nameTh: กรมการปกครอง, nameEn: DOPA}
                services:
                """ + service(WITH_CERTIFICATE, "hub-client.p12") + service(WITHOUT_CERTIFICATE, null)
                + service(FOREIGN_CERTIFICATE, "foreign-client.p12");
        RestConnector connector = new RestConnector(new DefaultResourceLoader());
        Catalog catalog = new CatalogLoader(name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                t -> t, List.of(connector)).load("client-certificate-test-catalog", catalogText);
        return new RestConnectorRoutes(catalog, connector, new ProviderBreakers());
    }

    private Exchange call(ServiceId service) {
        return template.send(ProviderEndpoints.of(service),
                e -> e.getMessage().setBody(new ObjectMapper().createObjectNode().put("citizenId", CITIZEN)));
    }

    @Test
    void theHubsConfiguredClientCertificateIsPresentedAndTheProviderAnswers() {
        Exchange ex = call(WITH_CERTIFICATE);
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JsonNode.class).get("birthDate").asText()).isEqualTo("1989-04-15");
        assertThat(presented.get()).isEqualTo(HUB_SUBJECT);
    }

    @Test
    void withoutAClientCertificateTheProviderRefusesTheConnection() {
        Exchange ex = call(WITHOUT_CERTIFICATE);
        assertThat(ex.getException()).isInstanceOf(ExchangeRefusal.class);
        assertThat(((ExchangeRefusal) ex.getException()).code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
        assertThat(presented.get()).isNull(); // the provider's handler never ran
    }

    @Test
    void aClientCertificateOfAnotherCaIsRefusedToo() {
        Exchange ex = call(FOREIGN_CERTIFICATE);
        assertThat(ex.getException()).isInstanceOf(ExchangeRefusal.class);
        assertThat(((ExchangeRefusal) ex.getException()).code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
        assertThat(presented.get()).isNull();
    }
}
