package org.saphan.schemas;

import java.util.regex.Pattern;

/** The identifier forms of the standard that are plain patterns. */
public final class Identifiers {

    /** An agency code: {@code DOPA}, {@code MSDHS}. */
    public static final String AGENCY = "[A-Z][A-Z0-9_]{1,15}";

    private static final Pattern AGENCY_PATTERN = Pattern.compile(AGENCY);
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** An officer acting through a system rather than a person: a system name, never free text. */
    private static final Pattern SYSTEM_OFFICER = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{1,63}");

    private Identifiers() {
    }

    public static boolean isAgency(String value) {
        return value != null && AGENCY_PATTERN.matcher(value).matches();
    }

    public static boolean isPurpose(String value) {
        return value != null && PURPOSE.matcher(value).matches();
    }

    public static boolean isRequestId(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** The officer behind a call: a 13-digit citizen ID with a valid check digit, or a system name. */
    public static boolean isOfficerId(String value) {
        if (value == null) {
            return false;
        }
        if (!value.isEmpty() && Character.isDigit(value.charAt(0))) {
            return CitizenId.isValid(value);
        }
        return SYSTEM_OFFICER.matcher(value).matches();
    }
}
