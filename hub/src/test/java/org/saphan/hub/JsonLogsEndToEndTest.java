package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.http.FaultMode;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 7, as production logs it. The other tests log plain text at WARN (logback-test.xml), so none of
 * them sees the ECS JSON console lines. This one starts the hub in its own JVM on its runtime classpath only
 * (target/runtime-classpath.txt: no test classes, so no logback-test.xml), with application.yml's logging untouched:
 * structured ECS JSON at INFO. It runs allowed, refused, failing, timed-out, SOAP and composite exchanges, then
 * reads the console: every line must be one JSON object, every line written while the exchanges ran must carry
 * {@code exchangeId} naming one of them, and no line may hold a citizen ID, the officer's ID, a personal value of
 * the answers, the client's secret or its token.
 */
class JsonLogsEndToEndTest {

    private static final String CITIZEN = HubTestSupport.CITIZEN;
    private static final String OFFICER = HubTestSupport.OFFICER;
    private static final String PORTAL = HubTestSupport.PORTAL;
    private static final String PORTAL_SECRET = HubTestSupport.PORTAL_SECRET;
    private static final String PROFILE = HubTestSupport.PROFILE;
    private static final String HOUSE = "DOPA/house-registration/v1";
    private static final String WELFARE_ONE_STOP = "HUB/welfare-eligibility/v1";
    private static final String SON = "1103000456781";
    private static final String ELDERLY = "3301500012345";
    private static final Pattern CITIZEN_LIKE = Pattern.compile("(?<!\\d)\\d{13}(?!\\d)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static AgencySimulators simulators;
    private static Process hub;
    private static Path console;
    private static Path dataDir;
    private static int port;

    @BeforeAll
    static void startTheHubAsInProduction() throws Exception {
        simulators = AgencySimulators.startAll(AgencySimulators.Ports.ANY);
        dataDir = Files.createTempDirectory("saphan-json-logs");
        Path target = Path.of("target");
        console = target.resolve("json-logs-console.log"); // kept for a look after a failure
        port = freePort();
        String classpath = target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(target.resolve("runtime-classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", classpath, SaphanHub.class.getName(),
                "--server.port=" + port,
                "--saphan.data-dir=" + dataDir,
                "--saphan.node-id=json-logs-node",
                "--saphan.simulators.enabled=false",
                "--saphan.providers.dopa.base-url=" + simulators.dopa().baseUrl(),
                "--saphan.providers.dopa.timeout=700ms",
                "--saphan.providers.msdhs.base-url=" + simulators.msdhs().baseUrl(),
                "--saphan.providers.dopa-house.base-url=" + simulators.dopaHouse().baseUrl(),
                "--saphan.providers.dbd.base-url=" + simulators.dbd().baseUrl(),
                "--saphan.providers.rd.base-url=" + simulators.rd().baseUrl(),
                "--saphan.providers.cgd.base-url=" + simulators.cgd().baseUrl(),
                "--saphan.providers.cgd.timeout=1s"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(console.toFile())
                .redirectError(dataDir.resolve("stderr.log").toFile());
        // the production defaults, whatever the developer's shell has set
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("LOGGING_") || k.startsWith("SAPHAN_"));
        hub = builder.start();
        awaitReady(Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.destroy();
            if (!hub.waitFor(30, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
        if (simulators != null) {
            simulators.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void everyLineOfAnExchangeIsEcsJsonWithItsExchangeIdAndNoPersonalData() throws Exception {
        // before the exchanges: the servlet's first-request lines and the token belong to no exchange
        get("/actuator/health");
        String token = read(post("/api/v1/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + URLEncoder.encode(PORTAL, StandardCharsets.UTF_8)
                        + "&client_secret=" + PORTAL_SECRET, Map.of()).body()).path("access_token").asText();
        assertThat(token).isNotEmpty();
        int before = quietLineCount();

        Set<String> exchangeIds = new HashSet<>();
        Set<String> personal = new HashSet<>(Set.of(CITIZEN, OFFICER, SON, ELDERLY));
        HttpResponse<String> allowed = exchange(token, PROFILE, CITIZEN, "pdpa-24-4");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        personalValues(read(allowed.body()).path("data"), personal);
        HttpResponse<String> soap = exchange(token, HOUSE, SON, "pdpa-24-4"); // the SOAP client's first use
        assertThat(soap.statusCode()).as(soap.body()).isEqualTo(200);
        personalValues(read(soap.body()).path("data"), personal);
        HttpResponse<String> refused = exchange(token, PROFILE, "1103000123456", "pdpa-24-4"); // wrong check digit
        assertThat(refused.statusCode()).isEqualTo(400);
        simulators.dopa().faults().set(FaultMode.FAIL);
        HttpResponse<String> failed = exchange(token, PROFILE, CITIZEN, "pdpa-24-4");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        simulators.dopa().faults().set(FaultMode.SLOW, 2000); // the hub waits 700 ms
        HttpResponse<String> timedOut = exchange(token, PROFILE, CITIZEN, "pdpa-24-4");
        assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(504);
        simulators.dopa().faults().clear();
        simulators.cgd().faults().set(FaultMode.SLOW, 3000); // a composite's part times out on the composite's pool
        HttpResponse<String> composite = exchange(token, WELFARE_ONE_STOP, ELDERLY, "pdpa-26-5");
        assertThat(composite.statusCode()).as(composite.body()).isEqualTo(200);
        simulators.cgd().faults().clear();
        for (HttpResponse<String> r : List.of(allowed, soap, refused, failed, timedOut, composite)) {
            exchangeIds.add(r.headers().firstValue("X-Exchange-Id").orElseThrow());
        }
        read(composite.body()).path("data").path("parts").forEach(p -> exchangeIds.add(p.path("exchangeId").asText()));
        Thread.sleep(3000); // the slow providers' late answers arrive while the exchanges are still "in" the window
        int after = quietLineCount();

        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        List<JsonNode> during = new ArrayList<>();
        Set<String> levels = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode json = parse(line);
            assertThat(json.at("/ecs/version").isTextual()).as("ECS: %s", line).isTrue();
            assertThat(json.path("message").isTextual()).as("a message: %s", line).isTrue();
            assertThat(json.at("/service/node/name").asText()).as("the hub node: %s", line).isEqualTo("json-logs-node");
            levels.add(json.at("/log/level").asText());
            for (String value : personal) {
                assertThat(line).as("personal value in the log").doesNotContain(value);
            }
            assertThat(line).doesNotContain(PORTAL_SECRET).doesNotContain(token);
            if (i >= before && i < after) {
                during.add(json);
                assertThat(CITIZEN_LIKE.matcher(line).find()).as("13-digit number in: %s", line).isFalse();
            }
        }
        assertThat(levels).as("application.yml's level: INFO lines are written").contains("INFO");

        Set<String> named = new HashSet<>();
        for (JsonNode line : during) {
            String id = line.path("exchangeId").asText(null);
            assertThat(id).as("exchangeId of: %s", line).isNotNull();
            assertThat(Set.of(id.split(","))).as("one of this test's exchanges: %s", line).containsAnyElementsOf(exchangeIds);
            named.addAll(Set.of(id.split(",")));
        }
        // the allowed exchanges write nothing at INFO; each failure writes its line, the composite's part with the part's id
        String part = null;
        for (JsonNode p : read(composite.body()).path("data").path("parts")) {
            if ("provider-timeout".equals(p.path("code").asText())) {
                part = p.path("exchangeId").asText();
            }
        }
        assertThat(named).as("lines written during the exchanges: %s", during).contains(
                failed.headers().firstValue("X-Exchange-Id").orElseThrow(),
                timedOut.headers().firstValue("X-Exchange-Id").orElseThrow(), part);
    }

    /** The answer's values that identify or describe the person: Thai text, dates, and long numbers. */
    private static void personalValues(JsonNode node, Set<String> into) {
        if (node.isContainerNode()) {
            node.forEach(child -> personalValues(child, into));
            return;
        }
        String value = node.asText();
        if (value.codePoints().anyMatch(c -> c > 0x7f) || value.matches("\\d{4}-\\d{2}-\\d{2}") || value.matches("\\d{8,}")) {
            into.add(value);
        }
    }

    private HttpResponse<String> exchange(String token, String service, String citizenId, String legalBasis) {
        return post("/api/v1/exchange/" + service, "application/json", "{\"citizenId\":\"" + citizenId + "\"}",
                Map.of("Authorization", "Bearer " + token, "X-Purpose", "welfare-eligibility", "X-Legal-Basis", legalBasis,
                        "X-Officer-Id", OFFICER, "X-Request-Id", UUID.randomUUID().toString()));
    }

    /** The console's line count once nothing has been written for a second (the lines so far are complete). */
    private static int quietLineCount() throws Exception {
        long size = -1;
        while (size != Files.size(console)) {
            size = Files.size(console);
            Thread.sleep(1000);
        }
        return Files.readAllLines(console, StandardCharsets.UTF_8).size();
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            assertThat(json.isObject()).as("one JSON object per line: %s", line).isTrue();
            return json;
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) {
                throw new AssertionError("the hub stopped: " + Files.readString(dataDir.resolve("stderr.log"))
                        + tail(Files.readAllLines(console, StandardCharsets.UTF_8)));
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the hub did not become ready: " + Files.readString(dataDir.resolve("stderr.log")) + tail(Files.readAllLines(console, StandardCharsets.UTF_8)));
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    private static HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
