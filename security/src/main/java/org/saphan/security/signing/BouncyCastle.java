package org.saphan.security.signing;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * One Bouncy Castle provider instance for this package, handed to the few calls that use it and
 * never registered with {@code java.security.Security}, so nothing else in the JVM changes.
 */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
