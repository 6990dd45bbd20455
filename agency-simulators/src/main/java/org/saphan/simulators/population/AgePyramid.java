package org.saphan.simulators.population;

import java.util.SplittableRandom;

/** Thailand's age structure in five-year bands (roughly the 2020s: an ageing society, about a fifth over 60). */
final class AgePyramid {

    static final int MAX_AGE = 100;

    /** Relative weight of the bands 0-4, 5-9, ..., 95-100. */
    private static final double[] BANDS = {
        4.5, 5.3, 5.8, 6.0, 6.3, 6.6, 7.2, 7.5, 7.6, 7.6,
        7.5, 7.0, 6.2, 5.0, 3.6, 2.4, 1.5, 0.8, 0.3, 0.1
    };

    private static final double[] CUMULATIVE = new double[MAX_AGE + 1];

    static {
        double sum = 0;
        for (int age = 0; age <= MAX_AGE; age++) {
            int band = Math.min(age / 5, BANDS.length - 1);
            double perYear = BANDS[band] / (band == BANDS.length - 1 ? 6 : 5);
            sum += perYear;
            CUMULATIVE[age] = sum;
        }
    }

    private AgePyramid() {
    }

    /** An age in whole years between {@code min} and {@code max} inclusive, weighted by the pyramid. */
    static int sample(SplittableRandom random, int min, int max) {
        double low = min == 0 ? 0 : CUMULATIVE[min - 1];
        double target = low + random.nextDouble() * (CUMULATIVE[max] - low);
        for (int age = min; age < max; age++) {
            if (target < CUMULATIVE[age]) {
                return age;
            }
        }
        return max;
    }
}
