package org.saphan.simulators.population;

/** Zero-padded decimal numbers (String.format is slow enough to matter when building thousands of people). */
final class Digits {

    private Digits() {
    }

    static String padded(int value, int width) {
        String digits = Integer.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
