package org.saphan.simulators.population;

import java.time.LocalDate;

/** A registered disability and its disability card (บัตรประจำตัวคนพิการ), valid eight years from issue. */
public record Disability(DisabilityType type, String cardNumber, LocalDate cardIssueDate, LocalDate cardExpiryDate) {

    public static final int CARD_VALIDITY_YEARS = 8;

    public boolean cardValidOn(LocalDate date) {
        return !date.isBefore(cardIssueDate) && !date.isAfter(cardExpiryDate);
    }
}
