package org.saphan.connectors.resilience;

import org.junit.jupiter.api.Test;
import org.saphan.security.tls.TlsPolicy;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub calls providers only with TLS 1.3 or 1.2 and forward-secret AEAD suites: a provider that offers only a
 * CBC suite (which this JDK would accept by default) cannot be reached; a modern one can, over TLS 1.3.
 */
class ProviderTlsPolicyTest {

    @Test
    void aModernProviderIsReachedOverTls13() throws Exception {
        assertThat(handshakeWithProvider(null, null)).isEqualTo("TLSv1.3");
        assertThat(handshakeWithProvider("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")).isEqualTo("TLSv1.2");
    }

    @Test
    void aProviderOfferingOnlyWeakSuitesIsRefused() {
        for (String weak : new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"}) {
            assertThatThrownBy(() -> handshakeWithProvider("TLSv1.2", weak)).as(weak).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void enginesAndDefaultParametersFollowThePolicy() throws Exception {
        SSLContext context = clientContext();
        SSLEngine engine = context.createSSLEngine("provider.example", 443);
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getEnabledCipherSuites()).isNotEmpty().allSatisfy(c -> assertThat(TlsPolicy.CIPHER_SUITES).contains(c));
        assertThat(context.getDefaultSSLParameters().getCipherSuites())
                .allSatisfy(c -> assertThat(TlsPolicy.CIPHER_SUITES).contains(c));
    }

    private static SSLContext clientContext() throws Exception {
        return ProviderTls.of(Map.of("trustStore", resource("provider-ca.pem"))).sslContext();
    }

    /** A provider on a local port offering only the given protocol and suite (JDK defaults when null). */
    private static String handshakeWithProvider(String protocol, String suite) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = ProviderTlsPolicyTest.class.getResourceAsStream("/tls/provider.p12")) {
            keys.load(in, "test-only-provider".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "test-only-provider".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            if (protocol != null) {
                listener.setEnabledProtocols(new String[] {protocol});
                listener.setEnabledCipherSuites(new String[] {suite});
            }
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(5_000);
                    s.startHandshake();
                } catch (Exception refused) {
                    // the client's side is what the test looks at
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext().getSocketFactory()
                    .createSocket("127.0.0.1", listener.getLocalPort())) {
                client.setSoTimeout(5_000);
                client.startHandshake();
                return client.getSession().getProtocol();
            } finally {
                accepted.join();
            }
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(ProviderTlsPolicyTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
