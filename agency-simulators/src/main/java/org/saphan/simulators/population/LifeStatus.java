package org.saphan.simulators.population;

public enum LifeStatus {
    ALIVE,
    DECEASED
}
