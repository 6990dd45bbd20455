package org.saphan.simulators.population;

public enum MaritalStatus {
    SINGLE,
    MARRIED,
    DIVORCED,
    WIDOWED;

    /** Ever married: a woman who is married or widowed is titled นาง. */
    boolean takesMrsTitle() {
        return this == MARRIED || this == WIDOWED;
    }
}
