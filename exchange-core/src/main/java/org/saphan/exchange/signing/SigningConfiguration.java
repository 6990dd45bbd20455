package org.saphan.exchange.signing;

import org.saphan.exchange.web.HubProperties;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.JwsReceipts;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.signing.ResponseSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The hub's signing keys. Production points {@code saphan.signing.keystore} at an existing keystore and
 * gives its password in the environment; a development hub generates both on first start in its data
 * directory (never in the repository).
 */
@Configuration(proxyBeanMethods = false)
public class SigningConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SigningConfiguration.class);

    @Bean
    HubSigningKeys hubSigningKeys(HubProperties properties, Clock clock) {
        HubProperties.Signing signing = properties.signing();
        Path keystore = properties.signingKeystore();
        char[] password = password(signing.keystorePassword(), keystore);
        return HubSigningKeys.openOrCreate(keystore, password, KeyAlgorithm.parse(signing.algorithm()),
                signing.overlap(), clock);
    }

    @Bean
    ResponseSigner responseSigner(HubSigningKeys keys, Clock clock) {
        return new ExchangeSigner(keys, clock);
    }

    @Bean
    JwsReceipts jwsReceipts(HubSigningKeys keys, Clock clock) {
        return new JwsReceipts(keys, clock);
    }

    private static char[] password(String configured, Path keystore) {
        if (configured != null && !configured.isEmpty()) {
            return configured.toCharArray();
        }
        Path file = keystore.resolveSibling(keystore.getFileName() + ".password");
        try {
            if (!Files.exists(file)) {
                if (Files.exists(keystore)) {
                    throw new IllegalStateException("signing keystore " + keystore + " exists but no password is configured "
                            + "(saphan.signing.keystore-password) and no generated password file is beside it");
                }
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // non-POSIX file system: the operator protects the data directory
                }
                LOG.warn("development signing-key password generated in {}; set saphan.signing.keystore-password in production", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("signing keystore password file " + file + " cannot be read or created", e);
        }
    }
}
