package org.saphan.simulators;

import java.io.PrintStream;
import org.saphan.simulators.dopa.DopaCitizenSimulator;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

/**
 * All simulated provider agencies, sharing {@link SyntheticPopulation#standard()} so a person agrees with themself
 * across registries. For now: DOPA. Run {@link #main} to start them as a separate process.
 */
public final class AgencySimulators implements AutoCloseable {

    public static final int DEFAULT_DOPA_PORT = 18081;

    private final SyntheticPopulation population;
    private final DopaCitizenSimulator dopa;

    private AgencySimulators(SyntheticPopulation population, DopaCitizenSimulator dopa) {
        this.population = population;
        this.dopa = dopa;
    }

    /** Starts every simulator; {@code dopaPort} 0 picks a free port. */
    public static AgencySimulators start(int dopaPort) {
        SyntheticPopulation population = SyntheticPopulation.standard();
        return new AgencySimulators(population, new DopaCitizenSimulator(population, dopaPort).start());
    }

    public DopaCitizenSimulator dopa() {
        return dopa;
    }

    public SyntheticPopulation population() {
        return population;
    }

    @Override
    public void close() {
        dopa.stop();
    }

    /** {@code [--dopa-port=18081]}: starts the simulators until the process is stopped. */
    public static void main(String[] args) {
        int dopaPort = DEFAULT_DOPA_PORT;
        for (String arg : args) {
            if (arg.matches("--dopa-port=[0-9]{1,5}")) {
                dopaPort = Integer.parseInt(arg.substring("--dopa-port=".length()));
            } else {
                System.err.println("usage: AgencySimulators [--dopa-port=" + DEFAULT_DOPA_PORT + "]  (0: any free port)");
                System.exit(2);
            }
        }
        AgencySimulators simulators = start(dopaPort);
        Runtime.getRuntime().addShutdownHook(new Thread(simulators::close, "agency-simulators-shutdown"));
        simulators.describe(System.out);
    }

    /** Prints the base URLs and the demo citizens (all synthetic) for people driving the simulators by hand. */
    public void describe(PrintStream out) {
        out.println("Saphan agency simulators (synthetic data, no real people), population as of " + population.asOf());
        out.println("  DOPA citizen profile: " + dopa.citizenProfileUrl() + "?PID=<13 digits>");
        out.println("  fault control:        POST " + dopa.baseUrl() + "/_sim/faults  mode=none|slow|fail|drop&delayMs=");
        out.println("Demo citizens:");
        for (Person person : population.demoCitizens()) {
            out.println("  " + person.citizenId() + "  " + DemoDescription.of(person, population.asOf()));
        }
        out.println("  " + population.unknownButValidCitizenId() + "  valid check digit, not in the population (404)");
    }
}
