package org.saphan.exchange.consent;

import java.util.Locale;

/** Where a consent record stands. Expiry is a fact of time, so a given record past its end reads as expired. */
public enum ConsentStatus {
    GIVEN,
    WITHDRAWN,
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
