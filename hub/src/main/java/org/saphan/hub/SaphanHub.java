package org.saphan.hub;

import org.saphan.exchange.audit.chain.VerifyAuditCommand;
import org.saphan.security.pki.DevelopmentPki;
import org.saphan.security.secrets.ClientSecretHasher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The hub's entry point: wiring only. {@code java -jar saphan-hub.jar} runs the hub;
 * {@code java -jar saphan-hub.jar hash-secret} reads a client secret and prints its bcrypt hash for the catalog;
 * {@code java -jar saphan-hub.jar dev-pki} writes a development CA and TLS certificates under {@code <data-dir>/pki};
 * {@code java -jar saphan-hub.jar verify-audit --export FILE --jwks JWKS} checks an access-log export offline.
 */
@SpringBootApplication(scanBasePackages = "org.saphan")
public class SaphanHub {

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && "hash-secret".equals(args[0])) {
            System.out.println(new ClientSecretHasher().hash(readSecret()));
            return;
        }
        if (args.length > 0 && "dev-pki".equals(args[0])) {
            devPki(args);
            return;
        }
        if (args.length > 0 && "verify-audit".equals(args[0])) {
            System.exit(VerifyAuditCommand.run(args, System.out));
        }
        SpringApplication.run(SaphanHub.class, args);
    }

    /** Development certificates under {@code <data-dir>/pki}: {@code --saphan.data-dir=...}, SAPHAN_DATA_DIR, or ./data. */
    private static void devPki(String[] args) throws IOException {
        String dataDir = System.getenv().getOrDefault("SAPHAN_DATA_DIR", "./data");
        for (String arg : args) {
            if (arg.startsWith("--saphan.data-dir=")) {
                dataDir = arg.substring("--saphan.data-dir=".length());
            }
        }
        try {
            new DevelopmentPki(Path.of(dataDir, "pki")).create(DevelopmentPki.DEMO_CLIENTS, System.out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the development certificates", e);
        }
    }

    private static String readSecret() throws IOException {
        Console console = System.console();
        if (console != null) {
            return new String(console.readPassword("client secret: "));
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
