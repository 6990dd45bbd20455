package org.saphan.connectors.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/** The value conversions a mapping file may name. */
enum ValueConversion {
    /** The text as it is (trimmed). */
    TEXT("text") {
        @Override
        String convert(String value, String field) {
            return value;
        }
    },
    /** {@code yyyyMMdd} in the Buddhist era (Gregorian + 543), as Thai registries keep dates, to ISO 8601. */
    BUDDHIST_DATE("buddhist-date") {
        @Override
        String convert(String value, String field) {
            if (value.length() != 8 || !value.chars().allMatch(Character::isDigit)) {
                throw new AnswerMapping.MappingException("field '" + field + "' is not a yyyyMMdd Buddhist-era date");
            }
            try {
                int year = Integer.parseInt(value.substring(0, 4)) - BUDDHIST_ERA_OFFSET;
                LocalDate date = LocalDate.of(year, Integer.parseInt(value.substring(4, 6)),
                        Integer.parseInt(value.substring(6, 8)));
                return date.toString();
            } catch (DateTimeException e) {
                throw new AnswerMapping.MappingException("field '" + field + "' is not a real Buddhist-era date");
            }
        }
    },
    /** An English name printed in capitals on ID cards ({@code SOMCHAI}) to the usual form ({@code Somchai}). */
    CAPITALISED("capitalised") {
        @Override
        String convert(String value, String field) {
            StringBuilder out = new StringBuilder(value.length());
            boolean start = true;
            for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
                out.append(start ? Character.toUpperCase(c) : c);
                start = c == ' ' || c == '-' || c == '\'';
            }
            return out.toString();
        }
    },
    /** A whole number (an amount in baht, a count), written to the data set as a JSON number. */
    INTEGER("integer") {
        @Override
        String convert(String value, String field) {
            if (!value.matches("-?[0-9]{1,15}")) {
                throw new AnswerMapping.MappingException("field '" + field + "' is not a whole number");
            }
            return value;
        }
    };

    static final int BUDDHIST_ERA_OFFSET = 543;

    private final String name;

    ValueConversion(String name) {
        this.name = name;
    }

    abstract String convert(String value, String field);

    static ValueConversion named(String name) {
        if (name == null) {
            return TEXT;
        }
        for (ValueConversion c : values()) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown conversion '" + name + "' (text, buddhist-date, capitalised, integer)");
    }
}
