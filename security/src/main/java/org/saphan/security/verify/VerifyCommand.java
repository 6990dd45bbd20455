package org.saphan.security.verify;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line check of a saved hub response:
 * <pre>
 * java -jar saphan-security-VERSION-verifier.jar --body response.json --signature sig.txt --jwks jwks.json
 * </pre>
 * {@code --body} is a file with the exact response body bytes ({@code -} reads standard input);
 * {@code --signature} is a file holding the {@code X-Exchange-Signature} value, or the value itself
 * (a leading {@code X-Exchange-Signature:} is tolerated); {@code --jwks} is a file or an
 * http(s) URL of the hub's JWKS.
 *
 * <p>Prints {@code valid kid=... exchangeId=... iat=...} and exits 0, or {@code invalid: <reason>}
 * and exits 1. Usage errors, and files or a JWKS that cannot be read, exit 2.
 */
public final class VerifyCommand {

    public static final int EXIT_VALID = 0;
    public static final int EXIT_INVALID = 1;
    public static final int EXIT_USAGE = 2;

    static final String USAGE = """
            usage: java -jar saphan-security-verifier.jar --body <file|-> --signature <file-or-value> --jwks <file-or-url>
              --body       the exact response body bytes as received (- for standard input)
              --signature  the X-Exchange-Signature header value, or a file holding it
              --jwks       the hub's JWKS (/.well-known/jwks.json) as a file or an http(s) URL
            exit status: 0 valid (or --help), 1 invalid, 2 usage or input error""";

    private static final Set<String> OPTIONS = Set.of("--body", "--signature", "--jwks");
    private static final String HEADER_PREFIX = "x-exchange-signature:";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command without exiting the JVM; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the command without exiting the JVM; returns the exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                out.println(USAGE);
                return EXIT_VALID;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!OPTIONS.contains(name)) {
                err.println("unknown argument: " + arg);
                err.println(USAGE);
                return EXIT_USAGE;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    err.println("missing value for " + name);
                    err.println(USAGE);
                    return EXIT_USAGE;
                }
                value = args[++i];
            }
            if (options.put(name, value) != null) {
                err.println("repeated option: " + name);
                return EXIT_USAGE;
            }
        }
        for (String required : new String[] {"--body", "--signature", "--jwks"}) {
            if (!options.containsKey(required)) {
                err.println("missing " + required);
                err.println(USAGE);
                return EXIT_USAGE;
            }
        }

        byte[] body;
        String signature;
        JWKSet jwks;
        try {
            String bodyArg = options.get("--body");
            body = "-".equals(bodyArg) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(bodyArg));
            signature = readSignature(options.get("--signature"));
        } catch (IOException | RuntimeException e) {
            err.println("cannot read input: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            jwks = ExchangeSignatureVerifier.loadJwks(options.get("--jwks"));
        } catch (RuntimeException e) {
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            err.println("cannot load JWKS: " + message);
            return EXIT_USAGE;
        }

        VerificationResult result = new ExchangeSignatureVerifier().verify(body, signature, jwks);
        if (result.valid()) {
            out.println("valid kid=" + result.kid() + " exchangeId=" + result.exchangeId()
                    + " iat=" + (result.iat() == null ? "" : result.iat() + " (" + result.issuedAt() + ")"));
            return EXIT_VALID;
        }
        out.println("invalid: " + result.reason());
        return EXIT_INVALID;
    }

    /** A compact JWS never contains characters a file path needs, so: an existing file, else the value. */
    private static String readSignature(String arg) throws IOException {
        String value = arg;
        Path path = null;
        try {
            path = Path.of(arg);
        } catch (RuntimeException notAPath) {
            // keep the literal
        }
        if (path != null && Files.isRegularFile(path)) {
            value = Files.readString(path, StandardCharsets.US_ASCII);
        }
        value = value.trim();
        if (value.toLowerCase(java.util.Locale.ROOT).startsWith(HEADER_PREFIX)) {
            value = value.substring(HEADER_PREFIX.length()).trim();
        }
        return value;
    }
}
