package org.saphan.simulators.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BuddhistEraTest {

    @Test
    void convertsYearsBothWays() {
        assertThat(BuddhistEra.toBuddhistYear(1989)).isEqualTo(2532);
        assertThat(BuddhistEra.toBuddhistYear(2024)).isEqualTo(2567);
        assertThat(BuddhistEra.toGregorianYear(2567)).isEqualTo(2024);
    }

    @Test
    void formatsAndParsesTheLegacyDate() {
        assertThat(BuddhistEra.format(LocalDate.of(1989, 4, 15))).isEqualTo("25320415");
        assertThat(BuddhistEra.parse("25320415")).isEqualTo(LocalDate.of(1989, 4, 15));
        assertThat(BuddhistEra.format(LocalDate.of(1926, 1, 1))).isEqualTo("24690101");
        assertThat(BuddhistEra.parse("25670229")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void roundTripsEveryDayOfACentury() {
        for (LocalDate date = LocalDate.of(1925, 1, 1); date.isBefore(LocalDate.of(2031, 1, 1)); date = date.plusDays(1)) {
            String legacy = BuddhistEra.format(date);
            assertThat(legacy).hasSize(8);
            assertThat(BuddhistEra.parse(legacy)).isEqualTo(date);
        }
    }

    @Test
    void rejectsMalformedDates() {
        assertThatThrownBy(() -> BuddhistEra.parse(null)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BuddhistEra.parse("2532041")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BuddhistEra.parse("2532-4-1")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BuddhistEra.parse("25321301")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BuddhistEra.parse("25660229")).isInstanceOf(DateTimeException.class);
    }
}
