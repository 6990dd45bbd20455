package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.springframework.core.io.DefaultResourceLoader;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-service TLS trust over real HTTPS: a service trusting its provider's certificate (PEM) gets answers; one
 * trusting another CA cannot connect. And the checks of the pool, TLS and retry settings.
 */
class RestConnectorTlsTest extends CamelTestSupport {

    static final ServiceId TRUSTED = ServiceId.parse("DOPA/citizen-profile/v1");
    static final ServiceId UNTRUSTED = ServiceId.parse("DOPA/citizen-profile-untrusted/v1");
    static final String CITIZEN = "1103000123455";
    static HttpsServer provider;

    @BeforeAll
    static void startHttpsProvider() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = RestConnectorTlsTest.class.getResourceAsStream("/tls/provider.p12")) {
            keys.load(in, "test-only-provider".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "test-only-provider".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        provider = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        provider.setHttpsConfigurator(new HttpsConfigurator(tls));
        provider.createContext("/dopa/linkage/citizen-profile", exchange -> {
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
    static void stopHttpsProvider() {
        provider.stop(0);
    }

    static String pem(String name) {
        try {
            return Path.of(RestConnectorTlsTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String service(ServiceId id, String trustStore) {
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
                        poolSize: 4
                        trustStore: %s
                """.formatted(id, provider.getAddress().getPort(), trustStore);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String catalogText = """
                purposes:
                  - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิ, titleEn: Welfare eligibility}
                agencies:
                  - {code: DOPA, nameTh: กรมการปกครอง, nameEn: DOPA}
                services:
                """ + service(TRUSTED, pem("provider-ca.pem")) + service(UNTRUSTED, pem("other-ca.pem"));
        RestConnector connector = new RestConnector(new DefaultResourceLoader());
        Catalog catalog = new CatalogLoader(name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                t -> t, List.of(connector)).load("tls-test-catalog", catalogText);
        return new RestConnectorRoutes(catalog, connector, new ProviderBreakers());
    }

    private Exchange call(ServiceId service) {
        return template.send(ProviderEndpoints.of(service),
                e -> e.getMessage().setBody(new ObjectMapper().createObjectNode().put("citizenId", CITIZEN)));
    }

    @Test
    void aServiceTrustingItsProvidersCertificateGetsAnswersOverHttps() {
        Exchange ex = call(TRUSTED);
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JsonNode.class).get("birthDate").asText()).isEqualTo("1989-04-15");
    }

    @Test
    void aServiceTrustingAnotherCaCannotConnect() {
        Exchange ex = call(UNTRUSTED);
        assertThat(ex.getException()).isInstanceOf(ExchangeRefusal.class);
        assertThat(((ExchangeRefusal) ex.getException()).code()).isEqualTo(ProblemCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void checksPoolTlsAndRetrySettings() {
        RestConnector connector = new RestConnector(new DefaultResourceLoader());
        Map<String, Object> settings = new HashMap<>(Map.of("baseUrl", "http://127.0.0.1:1", "path", "/x",
                "mapping", "classpath:mappings/DOPA/citizen-profile/v1.yaml", "poolSize", "0",
                "trustStore", "/no/such/ca.pem", "keyStore", "/no/such/client.p12"));
        List<String> problems = new ArrayList<>();
        connector.check("DOPA/x/v1", settings, problems);
        assertThat(problems).containsExactly(
                "poolSize must be a whole number from 1 to 9999",
                "trustStore and keyStore need an https baseUrl",
                "keyStorePassword is missing for the client certificate keyStore",
                "trustStore file not found: /no/such/ca.pem");

        settings = new HashMap<>(Map.of("baseUrl", "https://127.0.0.1:1", "path", "/x", "method", "POST",
                "mapping", "classpath:mappings/DOPA/citizen-profile/v1.yaml", "retries", 2,
                "trustStore", RestConnectorTlsTest.class.getResource("/tls/provider.p12").getPath(),
                "trustStorePassword", "s3cret-guess", "maxConcurrentCalls", "lots"));
        problems = new ArrayList<>();
        connector.check("DOPA/x/v1", settings, problems);
        assertThat(problems).hasSize(3).anySatisfy(p -> assertThat(p).startsWith("trustStore cannot be read (wrong password"))
                .contains("maxConcurrentCalls must be a whole number",
                        "retries are only allowed for idempotent reads (set idempotent: true if the call only reads)");
        assertThat(String.join(" ", problems)).doesNotContain("s3cret-guess");
    }
}
