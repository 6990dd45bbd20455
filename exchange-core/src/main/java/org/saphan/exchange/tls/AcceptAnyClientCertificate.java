package org.saphan.exchange.tls;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The TLS layer's trust manager for client certificates: it lets every client certificate through the
 * handshake on purpose. The hub checks the certificate itself (chain to the configured CA, dates,
 * mapping to a catalog client) in the exchange's Authenticate step, so that a bad certificate gets a
 * problem+json {@code unauthenticated} answer that the access log records, instead of a bare
 * handshake failure nobody can audit. TLS still proves the client holds the certificate's private key.
 */
public final class AcceptAnyClientCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // checked later, in the application (see the class comment)
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the hub's server side does not trust servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
