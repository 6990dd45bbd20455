package org.saphan.security.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's signing keys, kept in a PKCS#12 keystore file.
 *
 * <p>Each key is a private-key entry with a self-signed certificate (PKCS#12 holds private keys
 * only with a certificate; the certificate is a container, nobody validates it). Its metadata
 * lives in the entry's alias, so the keystore file is the only state and is replaced atomically:
 * <pre>
 *   saphan-sig-&lt;seq&gt;-&lt;createdAtEpochMillis&gt;-active
 *   saphan-sig-&lt;seq&gt;-&lt;createdAtEpochMillis&gt;-retired-&lt;retiredAtEpochMillis&gt;
 * </pre>
 * {@code seq} counts keys from 1. The algorithm comes from the key itself, the {@code kid} is
 * recomputed from the public key (RFC 7638 thumbprint), so nothing else needs storing. Other
 * aliases are ignored on load (with a warning) and not kept when the file is next written.
 *
 * <p>{@link #rotate(KeyAlgorithm)} makes a new active key; the previous one is retired and stays in
 * the JWKS (so responses it signed still verify) until {@code retiredAt + verificationOverlap},
 * after which it drops out of the JWKS and is removed from the keystore at the next rotation.
 *
 * <p>Thread-safe. {@link #active()} is one volatile read. Rotation is serialised in this JVM;
 * several processes must not rotate the same file.
 */
public final class HubSigningKeys {

    static final String ALIAS_PREFIX = "saphan-sig-";
    private static final Pattern ALIAS = Pattern.compile("saphan-sig-(\\d+)-(\\d+)-(?:active|retired-(\\d+))");
    private static final System.Logger LOG = System.getLogger(HubSigningKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

    private final Path keystoreFile;
    private final char[] password;
    private final KeyAlgorithm algorithmForNewKeys;
    private final Duration verificationOverlap;
    private final Clock clock;
    private final Object rotationLock = new Object();
    private volatile State state;

    /** One key and its metadata. {@code retiredAt} is null for the active key. */
    private record Entry(int seq, SigningKey key, X509Certificate certificate, Instant retiredAt) {

        String alias() {
            return ALIAS_PREFIX + seq + "-" + key.createdAt().toEpochMilli() + "-"
                    + (retiredAt == null ? "active" : "retired-" + retiredAt.toEpochMilli());
        }

        boolean verifiesAt(Instant now, Duration overlap) {
            return retiredAt == null || now.isBefore(retiredAt.plus(overlap));
        }

        Entry retire(Instant at) {
            return retiredAt == null ? new Entry(seq, key, certificate, at) : this;
        }
    }

    /** Immutable snapshot: the active key and every key still on file (sorted by seq). */
    private record State(SigningKey active, List<Entry> entries) {
    }

    private HubSigningKeys(Path keystoreFile, char[] password, KeyAlgorithm algorithmForNewKeys,
                           Duration verificationOverlap, Clock clock) {
        this.keystoreFile = keystoreFile;
        this.password = password.clone();
        this.algorithmForNewKeys = algorithmForNewKeys;
        this.verificationOverlap = verificationOverlap;
        this.clock = clock;
    }

    /**
     * Loads the keystore, or creates it (and its parent directories) with a first key of
     * {@code algorithmForNewKeys}. A keystore without an active key gets one.
     *
     * @param verificationOverlap how long a retired key stays in the JWKS after rotation
     * @throws SigningKeyUnavailableException wrong password, damaged or unreadable file, or the
     *                                        file cannot be written
     */
    public static HubSigningKeys openOrCreate(Path keystoreFile, char[] password, KeyAlgorithm algorithmForNewKeys,
                                              Duration verificationOverlap, Clock clock) {
        Objects.requireNonNull(keystoreFile, "keystoreFile");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(algorithmForNewKeys, "algorithmForNewKeys");
        Objects.requireNonNull(verificationOverlap, "verificationOverlap");
        Objects.requireNonNull(clock, "clock");
        if (password.length == 0) {
            throw new IllegalArgumentException("a keystore password is required");
        }
        if (verificationOverlap.isNegative()) {
            throw new IllegalArgumentException("verificationOverlap must not be negative");
        }
        HubSigningKeys keys = new HubSigningKeys(keystoreFile.toAbsolutePath(), password, algorithmForNewKeys,
                verificationOverlap, clock);
        keys.loadOrCreate();
        return keys;
    }

    /** The key that signs now. No I/O, no lock: one volatile read. */
    public SigningKey active() {
        return state.active();
    }

    /** Rotates to a new key of the algorithm given at {@link #openOrCreate}. */
    public SigningKey rotate() {
        return rotate(algorithmForNewKeys);
    }

    /**
     * Makes a new active key of {@code algorithm} and persists it; the previous active key is
     * retired now and keeps verifying for the overlap. Retired keys whose overlap has ended are
     * removed from the keystore.
     *
     * @throws SigningKeyUnavailableException when the keystore cannot be written (nothing changes then)
     */
    public SigningKey rotate(KeyAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        synchronized (rotationLock) {
            State current = state;
            Instant now = now();
            List<Entry> next = new ArrayList<>();
            int maxSeq = 0;
            for (Entry e : current.entries()) {
                maxSeq = Math.max(maxSeq, e.seq());
                Entry retired = e.retire(now);
                if (retired.verifiesAt(now, verificationOverlap)) {
                    next.add(retired);
                }
            }
            Entry fresh = newEntry(maxSeq + 1, algorithm, now);
            next.add(fresh);
            persist(next);
            state = new State(fresh.key(), List.copyOf(next));
            LOG.log(System.Logger.Level.INFO, "Rotated hub signing key: new kid={0} ({1}), previous kid={2} verifies until {3}",
                    fresh.key().kid(), algorithm, current.active().kid(), now.plus(verificationOverlap));
            return fresh.key();
        }
    }

    /**
     * Every public key still valid for verification at this clock's now: the active key and the
     * retired keys within their overlap, active first. Public parts only.
     */
    public JWKSet publicJwks() {
        Instant now = now();
        State s = state;
        List<JWK> jwks = new ArrayList<>();
        jwks.add(s.active().publicJwk());
        List<Entry> retired = new ArrayList<>(s.entries());
        retired.sort(Comparator.comparingInt(Entry::seq).reversed());
        for (Entry e : retired) {
            if (e.key() != s.active() && e.verifiesAt(now, verificationOverlap)) {
                jwks.add(e.key().publicJwk());
            }
        }
        return new JWKSet(jwks).toPublicJWKSet();
    }

    /** {@link #publicJwks()} as the JSON served at {@code /.well-known/jwks.json}. */
    public String jwksJson() {
        return publicJwks().toString(true);
    }

    public Path keystoreFile() {
        return keystoreFile;
    }

    public Duration verificationOverlap() {
        return verificationOverlap;
    }

    public KeyAlgorithm algorithmForNewKeys() {
        return algorithmForNewKeys;
    }

    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------------------------------------

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void loadOrCreate() {
        List<Entry> entries = Files.exists(keystoreFile) ? load() : new ArrayList<>();
        entries.sort(Comparator.comparingInt(Entry::seq));
        Entry active = null;
        for (Entry e : entries) {
            if (e.retiredAt() == null) {
                active = e;
            }
        }
        if (active == null) {
            int maxSeq = entries.stream().mapToInt(Entry::seq).max().orElse(0);
            active = newEntry(maxSeq + 1, algorithmForNewKeys, now());
            entries.add(active);
            persist(entries);
            LOG.log(System.Logger.Level.INFO, "Created hub signing key kid={0} ({1}) in {2}",
                    active.key().kid(), active.key().algorithm(), keystoreFile);
        } else {
            // More than one "active" alias (a hand-edited file): the newest signs, the others
            // count as retired when it was made.
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (e != active && e.retiredAt() == null) {
                    entries.set(i, e.retire(active.key().createdAt()));
                }
            }
        }
        state = new State(active.key(), List.copyOf(entries));
    }

    private List<Entry> load() {
        KeyStore ks;
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password")) {
                throw new SigningKeyUnavailableException("Cannot open the hub signing keystore " + keystoreFile
                        + ": wrong password (or a damaged file)", e);
            }
            throw new SigningKeyUnavailableException("Cannot read the hub signing keystore " + keystoreFile
                    + ": " + describe(e), e);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyUnavailableException("Cannot read the hub signing keystore " + keystoreFile
                    + ": damaged or not PKCS#12 (" + e.getClass().getSimpleName() + ")", e);
        }
        List<Entry> entries = new ArrayList<>();
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        try {
            for (String alias : Collections.list(ks.aliases())) {
                Matcher m = ALIAS.matcher(alias);
                if (!m.matches()) {
                    LOG.log(System.Logger.Level.WARNING, "Ignoring keystore entry {0} in {1}: not a hub signing key",
                            alias, keystoreFile);
                    continue;
                }
                KeyStore.Entry entry = ks.getEntry(alias, protection);
                if (!(entry instanceof KeyStore.PrivateKeyEntry pk)
                        || !(pk.getCertificate() instanceof X509Certificate cert)) {
                    LOG.log(System.Logger.Level.WARNING, "Ignoring keystore entry {0}: no private key", alias);
                    continue;
                }
                KeyAlgorithm algorithm = algorithmOf(pk.getPrivateKey(), cert);
                if (algorithm == null) {
                    LOG.log(System.Logger.Level.WARNING, "Ignoring keystore entry {0}: not a P-256 or Ed25519 key", alias);
                    continue;
                }
                Instant createdAt = Instant.ofEpochMilli(Long.parseLong(m.group(2)));
                Instant retiredAt = m.group(3) == null ? null : Instant.ofEpochMilli(Long.parseLong(m.group(3)));
                SigningKey key = new SigningKey(algorithm, pk.getPrivateKey(), cert.getPublicKey(), createdAt);
                entries.add(new Entry(Integer.parseInt(m.group(1)), key, cert, retiredAt));
            }
        } catch (GeneralSecurityException | NumberFormatException e) {
            throw new SigningKeyUnavailableException("Cannot read a key from the hub signing keystore " + keystoreFile
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        return entries;
    }

    private static KeyAlgorithm algorithmOf(PrivateKey key, X509Certificate cert) {
        String alg = key.getAlgorithm();
        if ("EC".equals(alg) && cert.getPublicKey() instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getOrder().bitLength() == 256) {
            return KeyAlgorithm.ES256;
        }
        if ("EdDSA".equals(alg) || "Ed25519".equals(alg)) {
            return KeyAlgorithm.EdDSA;
        }
        return null;
    }

    private Entry newEntry(int seq, KeyAlgorithm algorithm, Instant createdAt) {
        try {
            KeyPairGenerator generator;
            if (algorithm == KeyAlgorithm.ES256) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(java.security.spec.NamedParameterSpec.ED25519, RANDOM);
            }
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSigned(pair, algorithm, createdAt, seq);
            return new Entry(seq, new SigningKey(algorithm, pair.getPrivate(), pair.getPublic(), createdAt), cert, null);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new SigningKeyUnavailableException("Cannot generate a " + algorithm + " signing key", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, KeyAlgorithm algorithm, Instant createdAt, int seq)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name name = new X500Name("CN=Saphan hub signing key " + seq + ",O=Saphan");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(63, RANDOM).add(BigInteger.ONE),
                Date.from(createdAt.minus(Duration.ofDays(1))), Date.from(createdAt.plus(CERTIFICATE_VALIDITY)),
                name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        String signatureAlgorithm = algorithm == KeyAlgorithm.ES256 ? "SHA256withECDSA" : "Ed25519";
        ContentSigner signer;
        try {
            signer = new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate());
        } catch (OperatorCreationException jdkCannot) {
            // A JDK without this algorithm: Bouncy Castle's provider, used here only, never registered.
            signer = new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BouncyCastle.PROVIDER).build(pair.getPrivate());
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** Writes every entry to a temporary file beside the keystore and moves it into place atomically. */
    private void persist(List<Entry> entries) {
        Path dir = keystoreFile.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
            for (Entry e : entries) {
                ks.setEntry(e.alias(), new KeyStore.PrivateKeyEntry(e.key().privateKey(),
                        new Certificate[] {e.certificate()}), protection);
            }
            tmp = createPrivateTempFile(dir == null ? Path.of(".") : dir);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                ks.store(out, password);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, keystoreFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, keystoreFile, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningKeyUnavailableException("Cannot write the hub signing keystore " + keystoreFile
                    + ": " + describe(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private Path createPrivateTempFile(Path dir) throws IOException {
        String prefix = "." + keystoreFile.getFileName() + ".";
        try {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a directory; the file itself was forced
        }
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied " + e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    @Override
    public String toString() {
        return "HubSigningKeys[" + keystoreFile + ", active=" + state.active() + "]";
    }
}
