package org.saphan.simulators;

import java.io.PrintStream;
import org.saphan.simulators.dopa.DopaCitizenSimulator;
import org.saphan.simulators.msdhs.MsdhsDisabilitySimulator;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

/**
 * All simulated provider agencies, sharing {@link SyntheticPopulation#standard()} so a person agrees with themself
 * across registries: DOPA's civil registration and MSDHS's disability registry. Run {@link #main} to start them as a separate process.
 */
public final class AgencySimulators implements AutoCloseable {

    public static final int DEFAULT_DOPA_PORT = 18081;
    public static final int DEFAULT_MSDHS_PORT = 18082;

    private final SyntheticPopulation population;
    private final DopaCitizenSimulator dopa;
    private final MsdhsDisabilitySimulator msdhs;

    private AgencySimulators(SyntheticPopulation population, DopaCitizenSimulator dopa, MsdhsDisabilitySimulator msdhs) {
        this.population = population;
        this.dopa = dopa;
        this.msdhs = msdhs;
    }

    /** Starts every simulator; DOPA on {@code dopaPort}, the others on free ports (0 picks a free port). */
    public static AgencySimulators start(int dopaPort) {
        return start(dopaPort, 0);
    }

    /** Starts every simulator on the given ports; 0 picks a free port. */
    public static AgencySimulators start(int dopaPort, int msdhsPort) {
        SyntheticPopulation population = SyntheticPopulation.standard();
        DopaCitizenSimulator dopa = new DopaCitizenSimulator(population, dopaPort).start();
        try {
            return new AgencySimulators(population, dopa, new MsdhsDisabilitySimulator(population, msdhsPort).start());
        } catch (RuntimeException e) {
            dopa.stop();
            throw e;
        }
    }

    public DopaCitizenSimulator dopa() {
        return dopa;
    }

    public MsdhsDisabilitySimulator msdhs() {
        return msdhs;
    }

    public SyntheticPopulation population() {
        return population;
    }

    @Override
    public void close() {
        try {
            msdhs.stop();
        } finally {
            dopa.stop();
        }
    }

    /** {@code [--dopa-port=18081] [--msdhs-port=18082]}: starts the simulators until the process is stopped. */
    public static void main(String[] args) {
        int dopaPort = DEFAULT_DOPA_PORT;
        int msdhsPort = DEFAULT_MSDHS_PORT;
        for (String arg : args) {
            if (arg.matches("--dopa-port=[0-9]{1,5}")) {
                dopaPort = Integer.parseInt(arg.substring("--dopa-port=".length()));
            } else if (arg.matches("--msdhs-port=[0-9]{1,5}")) {
                msdhsPort = Integer.parseInt(arg.substring("--msdhs-port=".length()));
            } else {
                System.err.println("usage: AgencySimulators [--dopa-port=" + DEFAULT_DOPA_PORT + "] [--msdhs-port="
                        + DEFAULT_MSDHS_PORT + "]  (0: any free port)");
                System.exit(2);
            }
        }
        AgencySimulators simulators = start(dopaPort, msdhsPort);
        Runtime.getRuntime().addShutdownHook(new Thread(simulators::close, "agency-simulators-shutdown"));
        simulators.describe(System.out);
    }

    /** Prints the base URLs and the demo citizens (all synthetic) for people driving the simulators by hand. */
    public void describe(PrintStream out) {
        out.println("Saphan agency simulators (synthetic data, no real people), population as of " + population.asOf());
        out.println("  DOPA citizen profile: " + dopa.citizenProfileUrl() + "?PID=<13 digits>");
        out.println("  MSDHS disability:     " + msdhs.disabilityCardUrl() + "?PERSON_ID=<13 digits>");
        out.println("  fault control:        POST " + dopa.baseUrl() + "/_sim/faults (and " + msdhs.baseUrl()
                + "/_sim/faults)  mode=none|slow|fail|drop&delayMs=");
        out.println("Demo citizens:");
        for (Person person : population.demoCitizens()) {
            out.println("  " + person.citizenId() + "  " + DemoDescription.of(person, population.asOf()));
        }
        out.println("  " + population.unknownButValidCitizenId() + "  valid check digit, not in the population (404)");
    }
}
