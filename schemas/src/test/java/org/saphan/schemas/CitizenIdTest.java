package org.saphan.schemas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"1103000123455", "3100600123450", "1999900000005", "1101700203450"})
    void acceptsIdsWithTheRightCheckDigit(String id) {
        assertThat(CitizenId.isValid(id)).isTrue();
        assertThat(CitizenId.parse(id).digits()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1103000123456", "3100600123458", "110300012345", "11030001234555", "11030001234a5",
            "", " 1103000123455", "１１０３０００１２３４５５"})
    void refusesEverythingElse(String id) {
        assertThat(CitizenId.isValid(id)).isFalse();
        assertThatThrownBy(() -> CitizenId.parse(id)).isInstanceOf(CitizenId.InvalidCitizenIdException.class)
                .hasMessageNotContaining(id.isEmpty() ? "\u0000" : id);
    }

    @Test
    void checkDigitFollowsTheMod11RuleWorkedByHand() {
        // 1 1 0 3 0 0 0 1 2 3 4 5 weighted 13..2: 13+12+0+30+0+0+0+6+10+12+12+10 = 105; 105 mod 11 = 6; 11-6 = 5
        assertThat(CitizenId.checkDigitFor("110300012345")).isEqualTo(5);
        // a remainder of 1 gives 10, which wraps to 0: 3100600123450
        assertThat(CitizenId.checkDigitFor("310060012345")).isZero();
        assertThat(CitizenId.isValid(null)).isFalse();
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(CitizenId.parse("1103000123455").toString()).doesNotContain("1103000123455");
    }
}
