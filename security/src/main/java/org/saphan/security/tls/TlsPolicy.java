package org.saphan.security.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The hub's one TLS policy, for its own HTTPS connector and for its calls to providers: TLS 1.3 and 1.2 only, and
 * only forward-secret AEAD cipher suites (ECDHE with AES-GCM or ChaCha20-Poly1305; TLS 1.3's suites are all AEAD).
 * The JDK's defaults still allow CBC and static-RSA suites on TLS 1.2, and a JDK's security file may be relaxed;
 * this policy does not depend on either.
 */
public final class TlsPolicy {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Strongest first; the server picks in this order. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }

    /** True when a negotiated or configured suite is one the policy allows. */
    public static boolean allows(String protocol, String cipherSuite) {
        return PROTOCOLS.contains(protocol) && CIPHER_SUITES.contains(cipherSuite);
    }

    /** The policy as SSL parameters (endpoint identification is left to the caller). */
    public static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters(CIPHER_SUITES.toArray(String[]::new), PROTOCOLS.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }

    /**
     * The same context, whose engines and sockets speak only what the policy allows: for clients (Apache HttpClient,
     * CXF, java.net.http) that take an {@link SSLContext} and would otherwise use the JDK's defaults.
     */
    public static SSLContext restrict(SSLContext context) {
        return new SSLContext(new RestrictedSpi(context), context.getProvider(), context.getProtocol()) {
        };
    }

    private static SSLParameters restricted(SSLParameters original) {
        SSLParameters policy = parameters();
        // keep what the caller set on the original (endpoint identification, SNI, ALPN), narrow the rest
        original.setProtocols(policy.getProtocols());
        original.setCipherSuites(policy.getCipherSuites());
        original.setUseCipherSuitesOrder(true);
        return original;
    }

    private static final class RestrictedSpi extends SSLContextSpi {

        private final SSLContext delegate;

        RestrictedSpi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm, SecureRandom random)
                throws KeyManagementException {
            delegate.init(km, tm, random);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new RestrictedSocketFactory(delegate.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine engine = delegate.createSSLEngine();
            engine.setSSLParameters(restricted(engine.getSSLParameters()));
            return engine;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine engine = delegate.createSSLEngine(host, port);
            engine.setSSLParameters(restricted(engine.getSSLParameters()));
            return engine;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return restricted(delegate.getDefaultSSLParameters());
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return restricted(delegate.getSupportedSSLParameters());
        }
    }

    private static final class RestrictedSocketFactory extends SSLSocketFactory {

        private final SSLSocketFactory delegate;

        RestrictedSocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket narrowed(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                ssl.setSSLParameters(restricted(ssl.getSSLParameters()));
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return Arrays.stream(delegate.getDefaultCipherSuites()).filter(CIPHER_SUITES::contains).toArray(String[]::new);
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return Arrays.stream(delegate.getSupportedCipherSuites()).filter(CIPHER_SUITES::contains).toArray(String[]::new);
        }

        @Override
        public Socket createSocket() throws IOException {
            return narrowed(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return narrowed(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return narrowed(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return narrowed(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return narrowed(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return narrowed(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
