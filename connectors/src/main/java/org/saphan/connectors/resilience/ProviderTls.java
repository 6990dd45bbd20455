package org.saphan.connectors.resilience;

import org.saphan.security.tls.TlsPolicy;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;

/**
 * A service's TLS trust and optional client certificate, so each provider is trusted on its own terms instead of
 * the JVM's default CAs:
 *
 * <pre>
 * settings:
 *   trustStore: /etc/saphan/tls/dopa-ca.pem     # PEM certificates, or a .p12/.jks trust store
 *   trustStorePassword: ${DOPA_TRUST_PASSWORD}  # for .p12/.jks only
 *   keyStore: /etc/saphan/tls/hub-client.p12    # optional: the hub's client certificate (PKCS#12)
 *   keyStorePassword: ${HUB_CLIENT_KEY_PASSWORD}
 * </pre>
 *
 * Messages never include passwords.
 */
public record ProviderTls(Path trustStore, char[] trustStorePassword, Path keyStore, char[] keyStorePassword) {

    /** True when the settings ask for any TLS configuration. */
    public static boolean configured(Map<String, Object> settings) {
        return settings.get("trustStore") != null || settings.get("keyStore") != null;
    }

    /** Adds one message per problem; loads the stores so a wrong password fails at start-up, not on the first call. */
    public static void check(Map<String, Object> settings, List<String> problems) {
        if (settings.get("keyStore") != null && settings.get("keyStorePassword") == null) {
            problems.add("keyStorePassword is missing for the client certificate keyStore");
        }
        if (settings.get("keyStore") != null && settings.get("trustStore") == null) {
            problems.add("trustStore is missing: a client certificate needs the provider's trust store too");
        }
        if (settings.get("trustStore") == null) {
            return;
        }
        try {
            of(settings).sslContext();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    public static ProviderTls of(Map<String, Object> settings) {
        return new ProviderTls(path(settings.get("trustStore")), chars(settings.get("trustStorePassword")),
                path(settings.get("keyStore")), chars(settings.get("keyStorePassword")));
    }

    /**
     * An SSL context trusting only the configured certificates, presenting the client certificate if any, and
     * speaking only what the hub's {@link TlsPolicy} allows.
     */
    public SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore trust = loadTrust();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            KeyStore keys = load(keyStore, "keyStore", keyStorePassword);
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keyStorePassword);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return TlsPolicy.restrict(context);
    }

    private KeyStore loadTrust() throws IOException, GeneralSecurityException {
        String name = trustStore.getFileName().toString().toLowerCase();
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            requireFile(trustStore, "trustStore");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(trustStore)) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("trusted-" + i++, c);
                }
                if (i == 0) {
                    throw new IllegalArgumentException("trustStore holds no certificate: " + trustStore);
                }
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalArgumentException("trustStore is not a PEM certificate file: " + trustStore);
            }
            return store;
        }
        return load(trustStore, "trustStore", trustStorePassword);
    }

    private static KeyStore load(Path file, String what, char[] password) throws GeneralSecurityException {
        requireFile(file, what);
        String name = file.getFileName().toString().toLowerCase();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read (wrong password or not a key store): " + file);
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " file not found: " + file);
        }
    }

    private static Path path(Object v) {
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v);
        return Path.of(s.startsWith("file:") ? s.substring(5) : s);
    }

    private static char[] chars(Object v) {
        return v == null ? null : String.valueOf(v).toCharArray();
    }
}
