package org.saphan.simulators.population;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.saphan.schemas.CitizenId;

/**
 * Issues unique citizen IDs laid out as DOPA does: person category (1 digit), registrar office (4), book (5),
 * sequence in the book (2), mod-11 check digit (1). Category 1 is a birth after 1 January 1984 registered on
 * time and 2 one registered late; 3 is a person already in the house register in 1984; 5 is someone added to the
 * register later and 8 someone naturalised.
 */
final class CitizenIdIssuer {

    static final LocalDate HOUSE_REGISTER_1984 = LocalDate.of(1984, 1, 1);

    private final Set<String> issued = new HashSet<>();

    /** Records an ID given out elsewhere (a demo citizen), so it is never issued again. */
    void reserve(String citizenId) {
        if (!issued.add(citizenId)) {
            throw new IllegalStateException("citizen ID issued twice");
        }
    }

    String issue(SplittableRandom random, LocalDate birthDate, String registrarCode) {
        char category = category(random, birthDate);
        while (true) {
            String firstTwelve = category + registrarCode
                    + Digits.padded(random.nextInt(100_000), 5) + Digits.padded(random.nextInt(100), 2);
            String id = firstTwelve + CitizenId.checkDigitFor(firstTwelve);
            if (issued.add(id)) {
                return id;
            }
        }
    }

    boolean contains(String citizenId) {
        return issued.contains(citizenId);
    }

    static String withCheckDigit(String firstTwelve) {
        return firstTwelve + CitizenId.checkDigitFor(firstTwelve);
    }

    private static char category(SplittableRandom random, LocalDate birthDate) {
        double u = random.nextDouble();
        if (!birthDate.isBefore(HOUSE_REGISTER_1984)) {
            return u < 0.985 ? '1' : '2';
        }
        if (u < 0.95) {
            return '3';
        }
        return u < 0.985 ? '5' : '8';
    }
}
