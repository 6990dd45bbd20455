package org.saphan.exchange.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The hub's settings ({@code saphan.*}), validated at start-up. Every key is documented in the
 * README's configuration table.
 *
 * @param dataDir  where the embedded database, generated keys and exports live
 * @param nodeId   this hub node's name in the access log (each node of a cluster needs its own)
 */
@Validated
@ConfigurationProperties(prefix = "saphan")
public record HubProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("node-1") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String nodeId,
        @DefaultValue Catalog catalog,
        @DefaultValue Exchange exchange,
        @DefaultValue Auth auth,
        @DefaultValue Audit audit,
        @DefaultValue Signing signing) {

    /** @param location the catalog YAML (a Spring resource location; schema paths in it resolve relative to it) */
    public record Catalog(@DefaultValue("classpath:catalog/catalog.yaml") String location) {
    }

    /** @param maxBodyBytes the largest request body accepted ({@code payload-too-large} above it) */
    public record Exchange(@DefaultValue("65536") @Min(256) @Max(16777216) int maxBodyBytes) {
    }

    /** @param tokenLifetime how long a bearer token lives */
    public record Auth(@DefaultValue("15m") Duration tokenLifetime) {
    }

    /** @param subjectKeyFile the HMAC key for subject references; generated on first start when absent */
    public record Audit(Path subjectKeyFile) {
    }

    /**
     * @param keystore         the PKCS#12 keystore of the hub's signing keys; created on first start when absent
     * @param keystorePassword its password; when empty, a random one is generated beside the keystore on
     *                         first start (development only: production sets SAPHAN_SIGNING_KEYSTORE_PASSWORD)
     * @param algorithm        ES256 (default) or EdDSA, for keys made from now on
     * @param overlap          how long a rotated-out key is still published for verification
     */
    public record Signing(Path keystore, String keystorePassword, @DefaultValue("ES256") String algorithm,
                          @DefaultValue("30d") Duration overlap) {
    }

    public Path signingKeystore() {
        return signing.keystore() != null ? signing.keystore() : dataDir.resolve("keys/hub-signing.p12");
    }

    public Path subjectKeyFile() {
        return audit.subjectKeyFile() != null ? audit.subjectKeyFile() : dataDir.resolve("keys/subject.key");
    }
}
