package org.saphan.schemas;

import java.util.regex.Pattern;

/** A client system of an agency: {@code AGENCY/system-code}, for example {@code MSDHS/welfare-portal}. */
public record ClientSystemId(String agency, String system) {

    private static final Pattern FORM = Pattern.compile(Identifiers.AGENCY + "/[a-z0-9-]{1,40}");

    public ClientSystemId {
        if (agency == null || system == null || !FORM.matcher(agency + "/" + system).matches()) {
            throw new IllegalArgumentException("client system id must be AGENCY/system-code");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    public static ClientSystemId parse(String value) {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("client system id must be AGENCY/system-code");
        }
        int slash = value.indexOf('/');
        return new ClientSystemId(value.substring(0, slash), value.substring(slash + 1));
    }

    @Override
    public String toString() {
        return agency + "/" + system;
    }
}
