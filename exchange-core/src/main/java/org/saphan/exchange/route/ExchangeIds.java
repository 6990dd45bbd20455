package org.saphan.exchange.route;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Exchange ids are UUID version 7 (RFC 9562): time-ordered, so the access log's index grows at its
 * end, and random enough to be unguessable.
 */
public final class ExchangeIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ExchangeIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
