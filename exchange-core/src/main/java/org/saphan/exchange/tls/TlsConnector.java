package org.saphan.exchange.tls;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.saphan.security.tls.TlsPolicy;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds the HTTPS connector (a second Tomcat connector beside plain HTTP) that asks for, but does not
 * require, a client certificate: callers without one still use bearer tokens over TLS.
 */
public final class TlsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int port;
    private final Path certificate;
    private final Path privateKey;
    private volatile Connector connector;

    public TlsConnector(int port, Path certificate, Path privateKey) {
        for (Path p : new Path[] {certificate, privateKey}) {
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("saphan.tls.enabled is true but " + p
                        + " is missing; run `java -jar saphan-hub.jar dev-pki` for development certificates");
            }
        }
        this.port = port;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector https = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        https.setScheme("https");
        https.setSecure(true);
        https.setPort(port);
        https.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        // the hub's one TLS policy: TLS 1.3 and 1.2, forward-secret AEAD suites only, in the hub's order
        ssl.setProtocols(String.join("+", TlsPolicy.PROTOCOLS));
        ssl.setCiphers(String.join(",", TlsPolicy.CIPHER_SUITES));
        ssl.setHonorCipherOrder(true);
        ssl.setCertificateVerification("optional");
        ssl.setTrustManagerClassName(AcceptAnyClientCertificate.class.getName()); // why: see that class
        SSLHostConfigCertificate cert = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        cert.setCertificateFile(certificate.toAbsolutePath().toString());
        cert.setCertificateKeyFile(privateKey.toAbsolutePath().toString());
        ssl.addCertificate(cert);
        https.addSslHostConfig(ssl);
        factory.addAdditionalTomcatConnectors(https);
        this.connector = https;
    }

    /** The connector's TLS settings as Tomcat resolved them (enabled protocols and ciphers), or null before start. */
    public SSLHostConfig sslHostConfig() {
        Connector c = connector;
        return c == null ? null : c.findSslHostConfigs()[0];
    }

    /** The port the HTTPS connector listens on (the chosen one when configured as 0), or -1 before start. */
    public int localPort() {
        Connector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }
}
