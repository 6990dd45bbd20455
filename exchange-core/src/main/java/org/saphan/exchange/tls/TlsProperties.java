package org.saphan.exchange.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/**
 * The HTTPS connector that asks for client certificates ({@code saphan.tls.*}). File paths default to
 * what {@code saphan-hub.jar dev-pki} writes under {@code <data-dir>/pki}.
 *
 * @param enabled     open the HTTPS port (plain HTTP on server.port stays open for bearer tokens)
 * @param port        the HTTPS port; 0 picks a free one (tests)
 * @param certificate the hub's server certificate chain (PEM)
 * @param privateKey  its private key (PEM, PKCS#8)
 * @param clientCa    the CA certificates client certificates must chain to (PEM)
 */
@Validated
@ConfigurationProperties(prefix = "saphan.tls")
public record TlsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("8443") @Min(0) @Max(65535) int port,
        Path certificate,
        Path privateKey,
        Path clientCa) {

    public Path certificateOr(Path dataDir) {
        return certificate != null ? certificate : dataDir.resolve("pki/hub.crt");
    }

    public Path privateKeyOr(Path dataDir) {
        return privateKey != null ? privateKey : dataDir.resolve("pki/hub.key");
    }

    public Path clientCaOr(Path dataDir) {
        return clientCa != null ? clientCa : dataDir.resolve("pki/ca.crt");
    }
}
