package org.saphan.simulators.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated agency's HTTP server on 127.0.0.1, built on the JDK's {@link HttpServer}, with fault injection.
 * Subclasses register their operations with {@link #route}. The server logs nothing per request.
 *
 * <p>Besides the agency's own paths every simulator answers, never affected by faults and not counted:
 * <ul>
 *   <li>{@code GET /_sim/faults}: the current fault, {@code {"mode":"slow","delayMs":500}};</li>
 *   <li>{@code POST /_sim/faults} with form or query parameters {@code mode=none|slow|fail|drop} and optional
 *       {@code delayMs=}: switches the fault and answers the new one (400 for a bad mode or delay);</li>
 *   <li>{@code GET /_sim/health}: {@code {"status":"UP"}}.</li>
 * </ul>
 */
public class SimulatorServer implements AutoCloseable {

    public static final int WORKER_THREADS = 32;
    public static final String CONTROL_PREFIX = "/_sim/";

    private static final int BACKLOG = 128;

    /*
     * The JDK server writes headers and body as separate packets; with Nagle's algorithm on, the body waits for the
     * client's delayed ACK and every small answer takes about 40 ms. TCP_NODELAY is only reachable through this
     * property, read once when the JDK's server classes load: so it only helps if no HttpServer was created in this
     * JVM before. An explicit -Dsun.net.httpserver.nodelay=false wins.
     */
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final SimulatorResponse legacyFailure;
    private final Faults faults = new Faults();
    private final FaultControl faultControl = new FaultControl(faults);
    private final AtomicLong requestCount = new AtomicLong();
    private final Map<String, Map<String, Endpoint>> routes = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /**
     * Binds 127.0.0.1:{@code port} (0 for any free port) without starting.
     *
     * @param name          thread-name prefix, e.g. {@code "dopa"}
     * @param legacyFailure what the agency answers when it is broken, sent in {@link FaultMode#FAIL}
     */
    public SimulatorServer(String name, int port, SimulatorResponse legacyFailure) {
        this.legacyFailure = legacyFailure;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, name + "-simulator-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** Registers an operation; call before {@link #start()}. */
    protected final void route(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(method, endpoint);
    }

    public SimulatorServer start() {
        server.start();
        return this;
    }

    /** Stops at once: open connections are closed, requests in flight (e.g. sleeping in slow mode) abandoned. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
            workers.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public Faults faults() {
        return faults;
    }

    /** Agency requests received so far, including failed and dropped ones; control calls are not counted. */
    public long requestCount() {
        return requestCount.get();
    }

    public void resetRequestCount() {
        requestCount.set(0);
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(CONTROL_PREFIX)) {
                write(exchange, faultControl.answer(read(exchange)));
                return;
            }
            requestCount.incrementAndGet();
            Faults.Setting fault = faults.current();
            switch (fault.mode()) {
                case DROP:
                    return; // closing an exchange before any response header is sent closes the TCP connection
                case FAIL:
                    write(exchange, legacyFailure);
                    return;
                case SLOW:
                    Thread.sleep(fault.delayMs());
                    break;
                default:
                    break;
            }
            write(exchange, dispatch(read(exchange)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: drop the connection
        } catch (IOException e) {
            // the client went away; nothing to tell anyone
        } finally {
            exchange.close();
        }
    }

    private SimulatorResponse dispatch(SimulatorRequest request) {
        Map<String, Endpoint> byMethod = routes.get(request.path());
        if (byMethod == null) {
            return SimulatorResponse.text(404, "no such path");
        }
        Endpoint endpoint = byMethod.get(request.method());
        if (endpoint == null) {
            return SimulatorResponse.text(405, "method not allowed");
        }
        try {
            return endpoint.answer(request);
        } catch (RuntimeException e) {
            return legacyFailure; // a bug in a simulator looks like the agency failing; still nothing logged
        }
    }

    private static SimulatorRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SimulatorRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                FormEncoding.decode(exchange.getRequestURI().getRawQuery()), body);
    }

    private static void write(HttpExchange exchange, SimulatorResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
