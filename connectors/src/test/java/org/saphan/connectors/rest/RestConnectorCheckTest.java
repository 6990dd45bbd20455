package org.saphan.connectors.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.schemas.ServiceId;
import org.springframework.core.io.DefaultResourceLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RestConnector#check}: one clear message per bad setting, none for good settings. */
class RestConnectorCheckTest {

    private static final String SERVICE = "service 'DOPA/citizen-profile/v1'";
    private static final String MAPPING = "classpath:mappings/DOPA/citizen-profile/v1.yaml";

    private final RestConnector connector = new RestConnector(new DefaultResourceLoader());

    @Test
    void isTheRestKind() {
        assertThat(connector.kind()).isEqualTo("rest").isEqualTo(RestConnector.KIND);
    }

    @Test
    void acceptsTheGoodSettings() {
        assertThat(problems(good())).isEmpty();
    }

    @Test
    void acceptsPostHttpsAMissingMethodAndAMissingQuery() {
        Map<String, Object> post = good();
        post.put("method", "POST");
        post.put("baseUrl", "https://dopa.example.go.th:8443/");
        post.remove("query");
        assertThat(problems(post)).isEmpty();

        Map<String, Object> defaultMethod = good();
        defaultMethod.remove("method");
        assertThat(problems(defaultMethod)).isEmpty();
    }

    @Test
    void reportsAMissingBaseUrl() {
        Map<String, Object> settings = good();
        settings.remove("baseUrl");
        assertThat(problems(settings)).containsExactly("baseUrl is missing");

        settings.put("baseUrl", "  ");
        assertThat(problems(settings)).containsExactly("baseUrl is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1:18081", "file:///etc/passwd", "127.0.0.1:18081", "localhost:18081",
            "http:///dopa", "mailto:dopa@example.go.th", "/dopa/linkage"})
    void reportsABaseUrlThatIsNotAnHttpUrl(String baseUrl) {
        Map<String, Object> settings = good();
        settings.put("baseUrl", baseUrl);
        assertThat(problems(settings)).singleElement().asString().startsWith("baseUrl ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18081/a b", "http://[::1", "http://dopa example"})
    void reportsABaseUrlThatIsNoUrlAtAll(String baseUrl) {
        Map<String, Object> settings = good();
        settings.put("baseUrl", baseUrl);
        assertThat(problems(settings)).containsExactly("baseUrl is not a URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://dopa.example.go.th", "http:///dopa", "http://:18081", "dopa.example.go.th"})
    void reportsAUrlThatIsNotHttpOrHasNoHost(String baseUrl) {
        Map<String, Object> settings = good();
        settings.put("baseUrl", baseUrl);
        assertThat(problems(settings)).containsExactly("baseUrl must be an http or https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "get", "post", "GET "})
    void reportsAMethodOtherThanGetOrPost(String method) {
        Map<String, Object> settings = good();
        settings.put("method", method);
        assertThat(problems(settings)).containsExactly("method must be GET or POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopa/linkage/citizen-profile", "citizen-profile", " ", "http://x/y"})
    void reportsAPathThatDoesNotStartWithASlash(String path) {
        Map<String, Object> settings = good();
        settings.put("path", path);
        assertThat(problems(settings)).containsExactly("path must start with /");
    }

    @Test
    void reportsAMissingPath() {
        Map<String, Object> settings = good();
        settings.remove("path");
        assertThat(problems(settings)).containsExactly("path must start with /");
    }

    @Test
    void reportsAMissingMapping() {
        Map<String, Object> settings = good();
        settings.remove("mapping");
        assertThat(problems(settings)).containsExactly("mapping (the answer mapping file) is missing");
    }

    @Test
    void reportsAMappingFileThatIsNotThere() {
        Map<String, Object> settings = good();
        settings.put("mapping", "classpath:mappings/DOPA/citizen-profile/v9.yaml");
        assertThat(problems(settings))
                .containsExactly("mapping file not found: classpath:mappings/DOPA/citizen-profile/v9.yaml");
    }

    @Test
    void reportsAMappingFileThatIsBrokenNamingTheField() {
        Map<String, Object> settings = good();
        settings.put("mapping", "classpath:mappings/test/unknown-conversion.yaml");
        assertThat(problems(settings)).singleElement().asString()
                .contains("mappings/test/unknown-conversion.yaml", "'birthDate'", "julian-date");

        settings.put("mapping", "classpath:mappings/test/missing-from.yaml");
        assertThat(problems(settings)).singleElement().asString()
                .contains("mappings/test/missing-from.yaml", "'lastNameTh'", "'from'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PID=citizenId", "[PID, citizenId]"})
    void reportsAQueryThatIsNotAMap(String shape) {
        Map<String, Object> settings = good();
        settings.put("query", shape.startsWith("[") ? List.of("PID", "citizenId") : shape);
        assertThat(problems(settings)).containsExactly("query must map native parameter names to request fields");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("method", "PUT");
        settings.put("path", "no-slash");
        settings.put("query", "PID");

        assertThat(problems(settings)).containsExactlyInAnyOrder(
                "baseUrl is missing",
                "method must be GET or POST",
                "path must start with /",
                "query must map native parameter names to request fields",
                "mapping (the answer mapping file) is missing");
    }

    @Test
    void addsToTheCallersListWithoutClearingIt() {
        List<String> problems = new ArrayList<>(List.of("earlier problem"));
        Map<String, Object> settings = good();
        settings.put("method", "PUT");

        connector.check(SERVICE, settings, problems);

        assertThat(problems).containsExactly("earlier problem", "method must be GET or POST");
    }

    @Test
    void preparesTheServiceSpecFromCheckedSettings() {
        Map<String, Object> settings = good();
        settings.put("baseUrl", "http://127.0.0.1:18081/");
        settings.remove("method");
        ServiceId id = ServiceId.parse("DOPA/citizen-profile/v1");

        assertThat(connector.spec(id.toString())).isEmpty();
        connector.prepare(service(id, settings));

        RestServiceSpec spec = connector.spec(id.toString()).orElseThrow();
        assertThat(spec.service()).isEqualTo(id);
        assertThat(spec.baseUrl()).isEqualTo("http://127.0.0.1:18081");
        assertThat(spec.method()).isEqualTo("GET");
        assertThat(spec.path()).isEqualTo("/dopa/linkage/citizen-profile");
        assertThat(spec.query()).containsExactly(Map.entry("PID", "citizenId"));
        assertThat(spec.timeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(spec.mapping().name()).isEqualTo(MAPPING);
        assertThatThrownBy(() -> spec.query().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ServiceDefinition service(ServiceId id, Map<String, Object> settings) {
        return new ServiceDefinition(id, "ข้อมูลบุคคล", "Citizen profile", null, java.util.Set.of(), null, null,
                "citizenId", Map.of(), new ServiceDefinition.Connector("rest", Duration.ofMillis(700), settings), null);
    }

    private List<String> problems(Map<String, Object> settings) {
        List<String> problems = new ArrayList<>();
        connector.check(SERVICE, settings, problems);
        return problems;
    }

    /** The settings of the hub's own catalog for DOPA/citizen-profile/v1, mutable for each test to break. */
    private static Map<String, Object> good() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("baseUrl", "http://127.0.0.1:18081");
        settings.put("method", "GET");
        settings.put("path", "/dopa/linkage/citizen-profile");
        settings.put("query", Map.of("PID", "citizenId"));
        settings.put("mapping", MAPPING);
        return settings;
    }
}
