package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;
import org.springframework.core.io.DefaultResourceLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A provider that signs its answers: the hub checks each answer against the provider's published keys. */
class ProviderSignatureTest extends CamelTestSupport {

    private static final ServiceId SIGNED = ServiceId.parse("DOPA/citizen-profile/v1");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static RecordingProvider provider;
    static ExchangeSigner providerSigner;
    static ExchangeSigner strangerSigner;
    static Path providerJwks;

    @BeforeAll
    static void providerWithItsOwnKey() throws Exception {
        provider = new RecordingProvider();
        HubSigningKeys providerKeys = HubSigningKeys.openOrCreate(dir.resolve("dopa.p12"), "test-only".toCharArray(),
                KeyAlgorithm.EdDSA, Duration.ofDays(1), Clock.systemUTC());
        providerSigner = new ExchangeSigner(providerKeys);
        strangerSigner = new ExchangeSigner(HubSigningKeys.openOrCreate(dir.resolve("stranger.p12"),
                "test-only".toCharArray(), KeyAlgorithm.EdDSA, Duration.ofDays(1), Clock.systemUTC()));
        providerJwks = Files.writeString(dir.resolve("dopa.jwks.json"), providerKeys.jwksJson());
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @AfterEach
    void reset() {
        provider.reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        RestConnector connector = new RestConnector(new DefaultResourceLoader());
        Catalog catalog = new CatalogLoader(
                name -> getClass().getResourceAsStream("/" + name.replace("classpath:", "")),
                text -> text, List.of(connector)).load("signed-provider", catalog(provider.baseUrl(), "file:" + providerJwks));
        return new RestConnectorRoutes(catalog, connector, new org.saphan.connectors.resilience.ProviderBreakers());
    }

    @Test
    void anAnswerSignedByTheProviderIsMapped() {
        answerWith(RecordingProvider.sample("found-adult-man.json"), providerSigner);
        assertThat(call().path("citizenId").asText()).isEqualTo("1103000123455");
    }

    @Test
    void aChangedAnswerAMissingSignatureOrAStrangersKeyIsAProviderError() {
        String sample = RecordingProvider.sample("found-adult-man.json");
        String signedOther = providerSigner.sign(sample.replace("สมชาย", "สมหญิง").getBytes(StandardCharsets.UTF_8), "p-1");
        provider.answer(200, "application/json", sample, Map.of(NativeAnswer.PROVIDER_SIGNATURE_HEADER, signedOther));
        assertThat(refusal().code()).isEqualTo(ProblemCode.PROVIDER_ERROR);

        provider.answer(200, "application/json", sample);
        assertThat(refusal().code()).isEqualTo(ProblemCode.PROVIDER_ERROR);

        answerWith(sample, strangerSigner);
        assertThat(refusal().code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
    }

    @Test
    void aForgedNotFoundDecidesNothing() {
        String notFound = RecordingProvider.sample("not-found-404.json");
        provider.answer(404, "application/json", notFound);
        assertThat(refusal().code()).isEqualTo(ProblemCode.PROVIDER_ERROR);
        answerWith(notFound, providerSigner, 404);
        assertThat(refusal().code()).isEqualTo(ProblemCode.SUBJECT_NOT_FOUND);
    }

    @Test
    void aKeyFileThatIsMissingOrHoldsPrivateKeysIsRefusedAtStartUp() throws Exception {
        RestConnector connector = new RestConnector(new DefaultResourceLoader());
        List<String> problems = new ArrayList<>();
        connector.check("s", Map.of("baseUrl", "http://127.0.0.1:1", "path", "/x",
                "mapping", "classpath:mappings/DOPA/citizen-profile/v1.yaml", "providerKeys", "file:" + dir.resolve("none.json")), problems);
        assertThat(problems).singleElement().asString().contains("providerKeys file not found");

        Path withPrivate = Files.writeString(dir.resolve("private.json"), "{\"keys\":[" + HubSigningKeys.openOrCreate(
                dir.resolve("p.p12"), "t".toCharArray(), KeyAlgorithm.ES256, Duration.ofDays(1), Clock.systemUTC())
                .active().publicJwk().toJSONString().replace("}", ",\"d\":\"AAAA\"}") + "]}");
        problems.clear();
        connector.check("s", Map.of("baseUrl", "http://127.0.0.1:1", "path", "/x",
                "mapping", "classpath:mappings/DOPA/citizen-profile/v1.yaml", "providerKeys", "file:" + withPrivate), problems);
        assertThat(problems).isNotEmpty();
    }

    private void answerWith(String body, ExchangeSigner signer) {
        answerWith(body, signer, 200);
    }

    private void answerWith(String body, ExchangeSigner signer, int status) {
        provider.answer(status, "application/json", body, Map.of(NativeAnswer.PROVIDER_SIGNATURE_HEADER,
                signer.sign(body.getBytes(StandardCharsets.UTF_8), "provider-exchange-1")));
    }

    private JsonNode call() {
        return template.requestBody(ProviderEndpoints.of(SIGNED), JSON.createObjectNode().put("citizenId", "1103000123455"),
                JsonNode.class);
    }

    private ExchangeRefusal refusal() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(this::call);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ExchangeRefusal r) {
                return r;
            }
        }
        throw new AssertionError("expected a refusal", thrown);
    }

    private static String catalog(String baseUrl, String keys) {
        return """
                purposes:
                  - {code: welfare-eligibility, titleTh: ตรวจสอบสิทธิ, titleEn: Welfare eligibility}
                agencies:
                  - {code: DOPA, nameTh: กรมการปกครอง, nameEn: DOPA}
                services:
                """ + RestConnectorRoutesTest.service("DOPA/citizen-profile/v1", """
                  kind: rest
                  timeout: 2s
                  settings:
                    baseUrl: %s
                    path: /dopa/linkage/citizen-profile
                    query: {PID: citizenId}
                    mapping: classpath:mappings/DOPA/citizen-profile/v1.yaml
                    providerKeys: %s
                """.formatted(baseUrl, keys));
    }
}
