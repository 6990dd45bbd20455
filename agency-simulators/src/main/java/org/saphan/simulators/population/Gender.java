package org.saphan.simulators.population;

public enum Gender {
    MALE,
    FEMALE
}
