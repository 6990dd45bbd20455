package org.saphan.simulators.soap;

import jakarta.servlet.ServletConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.saphan.simulators.http.SimulatorRequest;
import org.saphan.simulators.http.SimulatorResponse;
import org.saphan.simulators.http.SimulatorServer;

/**
 * A simulated agency's SOAP service: a CXF JAX-WS endpoint (implementing the interface generated from the
 * agency's WSDL) behind the same small front as the REST simulators, so it has the same fault modes and controls
 * ({@code /_sim/faults}: slow, fail, drop). The front listens on the public port and passes each SOAP call,
 * unchanged, to CXF on an internal port of 127.0.0.1; {@code GET <path>?wsdl} shows the service's WSDL.
 */
public class SoapSimulatorServer extends SimulatorServer {

    /** Held so the levels stick (JUL keeps loggers weakly). */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.catalina"),
            Logger.getLogger("org.apache.coyote"), Logger.getLogger("org.apache.tomcat"),
            Logger.getLogger("org.apache.cxf.phase.PhaseInterceptorChain"));

    static {
        // an embedded container's start-up chatter, and CXF's line per SOAP fault answered, are noise here
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private final Tomcat backend;
    private final String servicePath;
    private final URI backendUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param servicePath      e.g. {@code /dopa/soap/house-registration}
     * @param serviceInterface the JAX-WS interface generated from the WSDL
     * @param implementation   the simulated agency's implementation of it
     */
    public <T> SoapSimulatorServer(String name, int port, String servicePath, Class<T> serviceInterface, T implementation) {
        super(name, port, soapFault("ระบบขัดข้อง (system error)"));
        this.servicePath = servicePath;
        this.backend = new Tomcat();
        try {
            backend.setBaseDir(Files.createTempDirectory("saphan-" + name + "-soap").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        backend.setConnector(connector);
        Context context = backend.addContext("", null);
        // inside a packaged Spring Boot jar the system class loader does not see the nested jars (CXF, JAXB)
        context.setParentClassLoader(SoapSimulatorServer.class.getClassLoader());
        Tomcat.addServlet(context, "cxf", new CXFNonSpringServlet() {
            @Override
            protected void loadBus(ServletConfig servletConfig) {
                super.loadBus(servletConfig);
                JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
                factory.setBus(getBus());
                factory.setServiceClass(serviceInterface);
                factory.setServiceBean(implementation);
                factory.setAddress(servicePath);
                factory.create();
            }
        }).setLoadOnStartup(1);
        context.addServletMappingDecoded("/*", "cxf");
        try {
            backend.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start the " + name + " SOAP service", e);
        }
        this.backendUri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + servicePath);
        route("POST", servicePath, this::forward);
        route("GET", servicePath, this::forward);
    }

    /** {@code baseUrl()} + the service path: the SOAP endpoint address. */
    public String serviceUrl() {
        return baseUrl() + servicePath;
    }

    @Override
    public void stop() {
        super.stop();
        try {
            backend.stop();
            backend.destroy();
        } catch (LifecycleException e) {
            // stopping anyway
        }
    }

    private SimulatorResponse forward(SimulatorRequest request) {
        try {
            HttpRequest.Builder call = HttpRequest.newBuilder(request.method().equals("GET") && request.query().containsKey("wsdl")
                    ? URI.create(backendUri + "?wsdl") : backendUri).timeout(Duration.ofSeconds(30));
            if (request.method().equals("POST")) {
                call.header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
            } else {
                call.GET();
            }
            HttpResponse<byte[]> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new SimulatorResponse(answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse("text/xml; charset=UTF-8"), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain SOAP 1.1 server fault, what a broken legacy service answers. */
    public static SimulatorResponse soapFault(String message) {
        String xml = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
                <faultcode>soap:Server</faultcode><faultstring>%s</faultstring>\
                </soap:Fault></soap:Body></soap:Envelope>""".formatted(message);
        return new SimulatorResponse(500, "text/xml; charset=UTF-8", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
