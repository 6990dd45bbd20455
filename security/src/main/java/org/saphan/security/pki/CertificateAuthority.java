package org.saphan.security.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A small certificate authority for development and tests: it makes the hub's TLS server certificate
 * and one client certificate per agency system. Keys are EC P-256. Production uses the agencies' real
 * PKI; the hub only needs that CA's certificate to check client certificates.
 */
public final class CertificateAuthority {

    private static final Provider BC = new BouncyCastleProvider(); // never registered JVM-wide
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCertificate root;

    private CertificateAuthority(IssuedCertificate root) {
        this.root = root;
    }

    /** A new self-signed CA valid between the two instants. */
    public static CertificateAuthority create(String subject, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X500Name name = x500(subject);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                    Date.from(notAfter), name, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate cert = sign(builder, keys.getPrivate());
            return new CertificateAuthority(new IssuedCertificate(cert, keys.getPrivate(), List.of(cert)));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the certificate authority", e);
        }
    }

    /** Wraps an existing CA (certificate and key) to issue more certificates. */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey key) {
        return new CertificateAuthority(new IssuedCertificate(certificate, key, List.of(certificate)));
    }

    public X509Certificate certificate() {
        return root.certificate();
    }

    public PrivateKey privateKey() {
        return root.privateKey();
    }

    /** A TLS server certificate for the given DNS names and IP addresses. */
    public IssuedCertificate issueServer(String subject, List<String> dnsNames, List<String> ipAddresses,
                                         Instant notBefore, Instant notAfter) {
        GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
        int i = 0;
        for (String dns : dnsNames) {
            names[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        for (String ip : ipAddresses) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        return issue(subject, KeyPurposeId.id_kp_serverAuth, new GeneralNames(names), notBefore, notAfter);
    }

    /** A TLS client certificate for an agency system. */
    public IssuedCertificate issueClient(String subject, Instant notBefore, Instant notAfter) {
        return issue(subject, KeyPurposeId.id_kp_clientAuth, null, notBefore, notAfter);
    }

    private IssuedCertificate issue(String subject, KeyPurposeId purpose, GeneralNames altNames,
                                    Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), x500(subject), keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(root.certificate()));
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            X509Certificate cert = sign(builder, root.privateKey());
            return new IssuedCertificate(cert, keys.getPrivate(), List.of(cert, root.certificate()));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** Read as RFC 4514 the way the JDK reads it, so a subject written in the catalog matches what the JDK reports. */
    private static X500Name x500(String subject) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(subject).getEncoded());
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
