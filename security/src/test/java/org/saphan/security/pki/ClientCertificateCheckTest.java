package org.saphan.security.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCertificateCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CertificateAuthority CA = CertificateAuthority.create("CN=Test CA", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(30)));
    private final ClientCertificateCheck check = new ClientCertificateCheck(List.of(CA.certificate()), CLOCK);

    @Test
    void acceptsAClientCertificateOfTheCaWithOrWithoutTheCaInTheChain() {
        IssuedCertificate client = CA.issueClient(DevelopmentPki.subjectFor("MSDHS/welfare-portal"),
                NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        assertThat(check.accepts(client.chain().toArray(new X509Certificate[0]))).isTrue();
        assertThat(check.accepts(new X509Certificate[] {client.certificate()})).isTrue();
    }

    @Test
    void refusesExpiredNotYetValidForeignServerOnlyAndEmpty() {
        IssuedCertificate expired = CA.issueClient("CN=old", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)));
        IssuedCertificate future = CA.issueClient("CN=future", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3)));
        CertificateAuthority other = CertificateAuthority.create("CN=Test CA", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30))); // same name, different key: a forged CA
        IssuedCertificate foreign = other.issueClient("CN=welfare-portal", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        IssuedCertificate server = CA.issueServer("CN=localhost", List.of("localhost"), List.of(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));

        assertThat(check.accepts(new X509Certificate[] {expired.certificate()})).isFalse();
        assertThat(check.accepts(new X509Certificate[] {future.certificate()})).isFalse();
        assertThat(check.accepts(foreign.chain().toArray(new X509Certificate[0]))).isFalse();
        assertThat(check.accepts(new X509Certificate[] {server.certificate()})).isFalse();
        assertThat(check.accepts(new X509Certificate[] {CA.certificate()})).isFalse();
        assertThat(check.accepts(new X509Certificate[0])).isFalse();
        assertThat(check.accepts(null)).isFalse();
    }

    @Test
    void devPkiWritesPemAndPkcs12ThatReadBackAndPassTheCheck(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DevelopmentPki(dir).create(List.of("MSDHS/welfare-portal"), new PrintStream(out, true));
        X509Certificate ca = PemFiles.readCertificates(dir.resolve("ca.crt")).get(0);
        List<X509Certificate> client = PemFiles.readCertificates(dir.resolve("clients/MSDHS_welfare-portal.crt"));
        assertThat(client.get(0).getSubjectX500Principal().getName())
                .isEqualTo("CN=welfare-portal,OU=MSDHS,O=Saphan Development,C=TH");
        assertThat(new ClientCertificateCheck(List.of(ca), Clock.systemUTC())
                .accepts(client.toArray(new X509Certificate[0]))).isTrue();
        assertThat(PemFiles.readPrivateKey(dir.resolve("clients/MSDHS_welfare-portal.key")).getAlgorithm()).isEqualTo("EC");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("hub.p12"))) {
            p12.load(in, DevelopmentPki.PKCS12_PASSWORD.toCharArray());
        }
        assertThat(p12.isKeyEntry("hub")).isTrue();

        // a second run keeps the CA, so client certificates issued before stay valid
        new DevelopmentPki(dir).create(List.of("RD/tax-audit"), new PrintStream(out, true));
        assertThat(PemFiles.readCertificates(dir.resolve("ca.crt")).get(0)).isEqualTo(ca);
        assertThat(out.toString()).doesNotContain("PRIVATE KEY");
    }
}
