package org.saphan.simulators.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Thai Buddhist era (พุทธศักราช): the Gregorian year plus 543. Legacy Thai registries write dates
 * as {@code yyyyMMdd} in this era, e.g. 15 April 1989 is {@code "25320415"}.
 */
public final class BuddhistEra {

    /** Years between the Gregorian and the Buddhist era. */
    public static final int OFFSET = 543;

    private BuddhistEra() {
    }

    public static int toBuddhistYear(int gregorianYear) {
        return gregorianYear + OFFSET;
    }

    public static int toGregorianYear(int buddhistYear) {
        return buddhistYear - OFFSET;
    }

    /** The date as {@code yyyyMMdd} with a Buddhist-era year, e.g. 1989-04-15 gives {@code "25320415"}. */
    public static String format(LocalDate date) {
        int year = toBuddhistYear(date.getYear());
        if (year < 1000 || year > 9999) {
            throw new DateTimeException("Buddhist year outside four digits");
        }
        return String.format("%04d%02d%02d", year, date.getMonthValue(), date.getDayOfMonth());
    }

    /** Reads {@code yyyyMMdd} with a Buddhist-era year back into a Gregorian date. */
    public static LocalDate parse(String yyyyMMdd) {
        if (yyyyMMdd == null || !yyyyMMdd.matches("[0-9]{8}")) {
            throw new DateTimeException("expected eight digits yyyyMMdd (Buddhist era)");
        }
        int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
        int month = Integer.parseInt(yyyyMMdd.substring(4, 6));
        int day = Integer.parseInt(yyyyMMdd.substring(6, 8));
        return LocalDate.of(toGregorianYear(year), month, day);
    }
}
