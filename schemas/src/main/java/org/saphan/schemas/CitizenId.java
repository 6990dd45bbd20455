package org.saphan.schemas;

/**
 * The 13-digit Thai citizen identification number. The last digit is a mod-11 check digit:
 * for digits d1..d12, s = sum(di * (14 - i)), check = (11 - s mod 11) mod 10.
 *
 * <p>{@link #toString()} never reveals the number: a CitizenId that reaches a log line by accident
 * prints a mask, not personal data.
 */
public final class CitizenId {

    private final String digits;

    private CitizenId(String digits) {
        this.digits = digits;
    }

    /** Parses a citizen ID; throws {@link InvalidCitizenIdException} (no echo of the input) if it is not valid. */
    public static CitizenId parse(String value) {
        if (!isValid(value)) {
            throw new InvalidCitizenIdException();
        }
        return new CitizenId(value);
    }

    /** True when {@code value} is exactly 13 ASCII digits whose last digit is the right check digit. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 12) {
                sum += (c - '0') * (13 - i);
            }
        }
        return checkDigit(sum) == value.charAt(12) - '0';
    }

    /** The check digit for the first twelve digits of an ID (used by generators of synthetic data). */
    public static int checkDigitFor(String firstTwelveDigits) {
        if (firstTwelveDigits == null || !firstTwelveDigits.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("twelve digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (firstTwelveDigits.charAt(i) - '0') * (13 - i);
        }
        return checkDigit(sum);
    }

    private static int checkDigit(int weightedSum) {
        return (11 - weightedSum % 11) % 10;
    }

    /** The 13 digits, for the places that legitimately need them (the provider call, the keyed hash). */
    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenId other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "CitizenId[*************]";
    }

    /** Thrown for a malformed citizen ID; carries no part of the input. */
    public static final class InvalidCitizenIdException extends IllegalArgumentException {
        public InvalidCitizenIdException() {
            super("not a valid 13-digit citizen ID");
        }
    }
}
