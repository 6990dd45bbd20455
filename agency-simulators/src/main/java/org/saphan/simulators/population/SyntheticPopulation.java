package org.saphan.simulators.population;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic Thai population: the same size, seed and as-of date give the same people. Ages (not
 * birth dates) follow from the seed, so the population keeps its shape over time (there are always newborns);
 * a population built on another day has the same IDs, names and addresses, except that a person born around
 * 1984 may change ID category (1 or 3). The demo citizens are fixed and never change.
 *
 * <p>All data is invented. Names and places are real Thai names and places, combined at random.
 */
public final class SyntheticPopulation {

    public static final int STANDARD_SIZE = 5_000;
    public static final long STANDARD_SEED = 2_567L;
    public static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private static final String UNKNOWN_REGISTRAR_PREFIX = "19999";

    private final long seed;
    private final LocalDate asOf;
    private final List<Person> people;
    private final List<Person> demoCitizens;
    private final Map<String, Person> byCitizenId;
    private final String unknownButValidCitizenId;

    /** {@code size} people (demo citizens included) as of {@code asOf}, from {@code seed}. */
    public SyntheticPopulation(int size, long seed, LocalDate asOf) {
        CitizenIdIssuer ids = new CitizenIdIssuer();
        HouseRegister register = new HouseRegister();
        this.seed = seed;
        this.asOf = asOf;
        this.demoCitizens = DemoCitizens.enrol(asOf, ids, register);
        if (size < demoCitizens.size()) {
            throw new IllegalArgumentException("population must hold at least the " + demoCitizens.size() + " demo citizens");
        }
        List<Person> all = new ArrayList<>(size);
        all.addAll(demoCitizens);
        all.addAll(new Census(new SplittableRandom(seed), asOf, ids, register).enumerate(size - demoCitizens.size()));
        this.people = List.copyOf(all);
        Map<String, Person> index = new HashMap<>(size * 2);
        people.forEach(p -> index.put(p.citizenId(), p));
        this.byCitizenId = Map.copyOf(index);
        this.unknownButValidCitizenId = firstUnused(ids);
    }

    /** {@code size} people as of today in Thailand. */
    public SyntheticPopulation(int size, long seed) {
        this(size, seed, LocalDate.now(THAILAND));
    }

    /** The shared default population: {@value #STANDARD_SIZE} people, fixed seed, as of today in Thailand. */
    public static SyntheticPopulation standard() {
        return Standard.INSTANCE;
    }

    public Optional<Person> find(String citizenId) {
        return citizenId == null ? Optional.empty() : Optional.ofNullable(byCitizenId.get(citizenId));
    }

    /** Everyone, demo citizens first, in a stable order. */
    public List<Person> all() {
        return people;
    }

    /**
     * The fixed demo citizens, in this order: adult man (married), adult woman (single), elderly widow over 60,
     * newborn boy under one year (the adult man's son, same house), man with a physical disability card, deceased
     * man.
     */
    public List<Person> demoCitizens() {
        return demoCitizens;
    }

    /** A citizen ID with a valid check digit that belongs to no one in this population (the same one every time). */
    public String unknownButValidCitizenId() {
        return unknownButValidCitizenId;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public long seed() {
        return seed;
    }

    public int size() {
        return people.size();
    }

    private static String firstUnused(CitizenIdIssuer ids) {
        for (int serial = 0; ; serial++) {
            String id = CitizenIdIssuer.withCheckDigit(UNKNOWN_REGISTRAR_PREFIX + String.format("%07d", serial));
            if (!ids.contains(id)) {
                return id;
            }
        }
    }

    private static final class Standard {
        static final SyntheticPopulation INSTANCE = new SyntheticPopulation(STANDARD_SIZE, STANDARD_SEED);
    }
}
