package org.saphan.simulators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.saphan.simulators.population.Person;

/** One line about a demo citizen, for the console. */
final class DemoDescription {

    private DemoDescription() {
    }

    static String of(Person person, LocalDate asOf) {
        int age = person.ageOn(asOf);
        String ageText = age == 0 ? ChronoUnit.DAYS.between(person.birthDate(), asOf) + " days old" : "age " + age;
        StringBuilder line = new StringBuilder(person.fullNameTh())
                .append(" (").append(person.firstNameEn()).append(' ').append(person.lastNameEn()).append("), ")
                .append(person.gender().name().toLowerCase(Locale.ROOT)).append(", ").append(ageText)
                .append(", ").append(person.address().province());
        person.disability().ifPresent(d -> line.append(", disability: ").append(d.type().nameEn()));
        if (person.deceased()) {
            line.append(", deceased");
        }
        return line.toString();
    }
}
