package org.saphan.schemas;

import java.util.Locale;

/** How a response field is classified: not personal, personal data, or sensitive data under PDPA s.26. */
public enum FieldClass {
    PUBLIC,
    PERSONAL,
    SENSITIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldClass fromCode(String code) {
        for (FieldClass c : values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("field class must be public, personal or sensitive");
    }
}
