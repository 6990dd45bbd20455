package org.saphan.simulators.population;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * One synthetic person as the civil register knows them. Every simulated registry reads the same record,
 * so a person agrees with themself across agencies. English names are upper case, as DOPA prints them on the ID card.
 */
public record Person(
        String citizenId,
        String titleTh,
        String firstNameTh,
        String lastNameTh,
        String firstNameEn,
        String lastNameEn,
        Gender gender,
        LocalDate birthDate,
        MaritalStatus maritalStatus,
        Address address,
        String houseRegistrationNo,
        LifeStatus lifeStatus,
        Optional<Disability> disability) {

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public boolean deceased() {
        return lifeStatus == LifeStatus.DECEASED;
    }

    /** The English title as printed on the ID card: Mr., Mrs., Miss, or Master for a boy. */
    public String titleEn() {
        return Titles.english(titleTh);
    }

    public String fullNameTh() {
        return titleTh + firstNameTh + " " + lastNameTh;
    }

    /** Never the name or the ID: a Person that reaches a log line by accident prints no personal data. */
    @Override
    public String toString() {
        return "Person[*****]";
    }
}
