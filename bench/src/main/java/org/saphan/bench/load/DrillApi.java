package org.saphan.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The hub's own answers the drills rely on, read over its API as an operator or auditor would. */
final class DrillApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DrillApi() {
    }

    /** {@code GET path} with a bearer token; the JSON body, or an exception naming the status. */
    static JsonNode get(String hub, String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(hub + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** The auditor's {@code /api/v1/audit/verify} on this node: every node's chain and checkpoints in the database. */
    static JsonNode verifyAccessLog(String hub) throws IOException, InterruptedException {
        return get(hub, "/api/v1/audit/verify",
                ExchangeLoadBenchmark.token(hub, "HUB/audit-console", "demo-audit-console-secret"));
    }
}
