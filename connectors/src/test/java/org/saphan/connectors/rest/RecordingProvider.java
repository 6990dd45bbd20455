package org.saphan.connectors.rest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny provider for tests that need what the DOPA simulator does not show: it records every request
 * (method, path, raw query, headers) and answers with whatever the test set, by default a recorded DOPA answer.
 */
final class RecordingProvider implements AutoCloseable {

    /** One request as the provider saw it; header names lower-cased. */
    record Seen(String method, String path, String rawQuery, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String contentType;
    private volatile byte[] body;
    private volatile Map<String, String> extraHeaders = Map.of();

    RecordingProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        reset();
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers with {@code status} and {@code body} from now on. */
    void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.extraHeaders = Map.of();
    }

    /** Answers with {@code status}, {@code body} and these extra response headers from now on. */
    void answer(int status, String contentType, String body, Map<String, String> headers) {
        answer(status, contentType, body);
        this.extraHeaders = Map.copyOf(headers);
    }

    /** Back to answering 200 with the recorded DOPA answer for the adult man; forgets what it saw. */
    void reset() {
        answer(200, "application/json; charset=utf-8", sample("found-adult-man.json"));
        seen.clear();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), lowerCased(exchange.getRequestHeaders())));
            exchange.getResponseHeaders().set("Content-Type", contentType);
            extraHeaders.forEach(exchange.getResponseHeaders()::set);
            byte[] answer = body;
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> out.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        return out;
    }

    static String sample(String name) {
        try (InputStream in = RecordingProvider.class.getResourceAsStream("/samples/DOPA/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
