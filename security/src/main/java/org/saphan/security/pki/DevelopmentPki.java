package org.saphan.security.pki;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code saphan-hub.jar dev-pki}: a development CA, the hub's TLS server certificate and one client
 * certificate per demo agency system, written as PEM (certificate, key) and PKCS#12 files under
 * {@code <data-dir>/pki}. For development only: the keys sit unencrypted on disk.
 *
 * <pre>
 * pki/ca.crt, ca.key                         the development CA (clients trust it; the hub checks client certificates against it)
 * pki/hub.crt, hub.key, hub.p12              the hub's server certificate (localhost, 127.0.0.1)
 * pki/clients/AGENCY_system.crt, .key, .p12  one per client system, subject {@link #subjectFor}
 * </pre>
 */
public final class DevelopmentPki {

    /** Password of the PKCS#12 files written here (development only). */
    public static final String PKCS12_PASSWORD = "saphan-dev";
    public static final List<String> DEMO_CLIENTS = List.of(
            "MSDHS/welfare-portal", "RD/tax-audit", "HUB/audit-console", "HUB/operator-console");

    private final Path dir;

    public DevelopmentPki(Path dir) {
        this.dir = dir;
    }

    /** The certificate subject dev-pki gives a client system; the catalog maps it back with certificateSubject. */
    public static String subjectFor(String clientId) {
        int slash = clientId.indexOf('/');
        return "CN=" + clientId.substring(slash + 1) + ",OU=" + clientId.substring(0, slash) + ",O=Saphan Development,C=TH";
    }

    public static String fileStem(String clientId) {
        return clientId.replace('/', '_');
    }

    /** Creates the CA (or reuses the one already there) and (re)issues the hub and client certificates. */
    public void create(List<String> clientIds, PrintStream out) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofHours(1));
        Path caCert = dir.resolve("ca.crt");
        Path caKey = dir.resolve("ca.key");
        CertificateAuthority ca;
        if (Files.exists(caCert) && Files.exists(caKey)) {
            ca = CertificateAuthority.of(PemFiles.readCertificates(caCert).get(0), PemFiles.readPrivateKey(caKey));
        } else {
            ca = CertificateAuthority.create("CN=Saphan Development CA,O=Saphan Development,C=TH", start,
                    now.plus(Duration.ofDays(3650)));
            PemFiles.writeCertificates(caCert, List.of(ca.certificate()));
            PemFiles.writePrivateKey(caKey, ca.privateKey());
        }
        IssuedCertificate hub = ca.issueServer("CN=localhost,OU=HUB,O=Saphan Development,C=TH",
                List.of("localhost"), List.of("127.0.0.1"), start, now.plus(Duration.ofDays(825)));
        write(dir, "hub", hub);
        for (String clientId : clientIds) {
            IssuedCertificate client = ca.issueClient(subjectFor(clientId), start, now.plus(Duration.ofDays(365)));
            write(dir.resolve("clients"), fileStem(clientId), client);
        }
        out.println("development PKI written to " + dir.toAbsolutePath().normalize());
        out.println("  CA:      ca.crt");
        out.println("  hub:     hub.crt, hub.key, hub.p12");
        clientIds.forEach(id -> out.println("  client:  clients/" + fileStem(id) + ".crt/.key/.p12  subject " + subjectFor(id)));
        out.println("  PKCS#12 password: " + PKCS12_PASSWORD + " (development only)");
    }

    private static void write(Path where, String stem, IssuedCertificate issued) throws IOException, GeneralSecurityException {
        PemFiles.writeCertificates(where.resolve(stem + ".crt"), issued.chain());
        PemFiles.writePrivateKey(where.resolve(stem + ".key"), issued.privateKey());
        PemFiles.writePkcs12(where.resolve(stem + ".p12"), stem, issued, PKCS12_PASSWORD.toCharArray());
    }
}
