package org.saphan.security.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a client certificate chain against the configured client CA with the JDK's PKIX validator:
 * signatures up to the CA, validity on today's date, CA constraints. A leaf that names extended key
 * usages must include TLS client authentication. Revocation is not checked (the development CA
 * publishes no CRL); an operator removes a system's access by removing its subject from the catalog.
 */
public final class ClientCertificateCheck {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    public ClientCertificateCheck(List<X509Certificate> trustedCas, Clock clock) {
        if (trustedCas.isEmpty()) {
            throw new IllegalArgumentException("at least one client CA is needed");
        }
        Set<TrustAnchor> set = new java.util.HashSet<>();
        trustedCas.forEach(ca -> set.add(new TrustAnchor(ca, null)));
        this.anchors = Set.copyOf(set);
        this.clock = clock;
    }

    /** True when the chain (leaf first) leads to a trusted CA and is valid now. */
    public boolean accepts(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return false;
        }
        try {
            if (!allowsClientAuth(chain[0])) {
                return false;
            }
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : chain) {
                if (!isAnchor(c)) { // the path given to PKIX must not contain the anchor itself
                    path.add(c);
                }
            }
            if (path.isEmpty()) {
                return false; // a CA certificate is not a client identity
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // fail closed: anything the validator does not like is a refusal
        }
    }

    private boolean isAnchor(X509Certificate c) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().equals(c));
    }

    private static boolean allowsClientAuth(X509Certificate leaf) throws CertificateParsingException {
        List<String> usages = leaf.getExtendedKeyUsage();
        return usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_USAGE);
    }
}
