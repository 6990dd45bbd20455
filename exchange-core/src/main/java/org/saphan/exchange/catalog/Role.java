package org.saphan.exchange.catalog;

import java.util.Locale;

/** What a client system may reach. A token or certificate only reaches what its roles allow. */
public enum Role {
    CONSUMER,
    AUDITOR,
    OPERATOR,
    SUBJECT_PORTAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role fromCode(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role");
    }
}
