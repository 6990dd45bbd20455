package org.saphan.simulators;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.saphan.simulators.business.Companies;
import org.saphan.simulators.business.Company;
import org.saphan.simulators.cgd.CgdWelfarePaymentSimulator;
import org.saphan.simulators.dbd.DbdJuristicSimulator;
import org.saphan.simulators.dopa.DopaCitizenSimulator;
import org.saphan.simulators.dopa.house.DopaHouseRegistrationSimulator;
import org.saphan.simulators.http.SimulatorServer;
import org.saphan.simulators.msdhs.MsdhsDisabilitySimulator;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;
import org.saphan.simulators.rd.RdVatSimulator;

/**
 * All simulated provider agencies, sharing {@link SyntheticPopulation#standard()} (and the companies made from it)
 * so a person agrees with themself across registries: DOPA citizen profile (REST) and house registration (SOAP),
 * MSDHS disability registry (REST), DBD juristic persons (REST), RD VAT registration (REST), CGD welfare payments
 * (SOAP). Each listens on its own 127.0.0.1 port with its own fault control. Run {@link #main} to start them as a
 * separate process.
 */
public final class AgencySimulators implements AutoCloseable {

    public static final int DEFAULT_DOPA_PORT = 18081;
    public static final int DEFAULT_MSDHS_PORT = 18082;

    /** The simulators' ports; 0 picks a free port. */
    public record Ports(int dopa, int msdhs, int dopaHouse, int dbd, int rd, int cgd) {

        /** 18081 to 18086, the demo set-up. */
        public static final Ports DEFAULTS = new Ports(DEFAULT_DOPA_PORT, DEFAULT_MSDHS_PORT, 18083, 18084, 18085, 18086);

        /** Any free ports. */
        public static final Ports ANY = new Ports(0, 0, 0, 0, 0, 0);
    }

    private final SyntheticPopulation population;
    private final Companies companies;
    private final List<Runnable> stops = new ArrayList<>();
    private final DopaCitizenSimulator dopa;
    private final MsdhsDisabilitySimulator msdhs;
    private final DopaHouseRegistrationSimulator dopaHouse;
    private final DbdJuristicSimulator dbd;
    private final RdVatSimulator rd;
    private final CgdWelfarePaymentSimulator cgd;

    private AgencySimulators(SyntheticPopulation population, Companies companies, Ports ports) {
        this.population = population;
        this.companies = companies;
        try {
            this.dopa = started(new DopaCitizenSimulator(population, ports.dopa()).start());
            this.msdhs = started(new MsdhsDisabilitySimulator(population, ports.msdhs()).start());
            this.dopaHouse = new DopaHouseRegistrationSimulator(population, ports.dopaHouse()).start();
            stops.add(dopaHouse::stop);
            this.dbd = started(new DbdJuristicSimulator(population, companies, ports.dbd()).start());
            this.rd = started(new RdVatSimulator(companies, ports.rd()).start());
            this.cgd = new CgdWelfarePaymentSimulator(population, ports.cgd()).start();
            stops.add(cgd::stop);
        } catch (RuntimeException e) {
            close(); // a port in use must not leave the others running
            throw e;
        }
    }

    private <S extends SimulatorServer> S started(S simulator) {
        stops.add(simulator::stop);
        return simulator;
    }

    /** Starts every simulator, DOPA's citizen profile on {@code dopaPort} and the others on free ports. */
    public static AgencySimulators start(int dopaPort) {
        return start(dopaPort, 0);
    }

    /** Starts every simulator, DOPA and MSDHS on these ports (0: a free port), the others on free ports. */
    public static AgencySimulators start(int dopaPort, int msdhsPort) {
        return startAll(new Ports(dopaPort, msdhsPort, 0, 0, 0, 0));
    }

    /** Starts every simulator on the given ports. */
    public static AgencySimulators startAll(Ports ports) {
        SyntheticPopulation population = SyntheticPopulation.standard();
        return new AgencySimulators(population, Companies.standard(population), ports);
    }

    public DopaCitizenSimulator dopa() {
        return dopa;
    }

    public MsdhsDisabilitySimulator msdhs() {
        return msdhs;
    }

    public DopaHouseRegistrationSimulator dopaHouse() {
        return dopaHouse;
    }

    public DbdJuristicSimulator dbd() {
        return dbd;
    }

    public RdVatSimulator rd() {
        return rd;
    }

    public CgdWelfarePaymentSimulator cgd() {
        return cgd;
    }

    public SyntheticPopulation population() {
        return population;
    }

    public Companies companies() {
        return companies;
    }

    @Override
    public void close() {
        for (int i = stops.size() - 1; i >= 0; i--) {
            try {
                stops.get(i).run();
            } catch (RuntimeException ignored) {
                // stop the rest regardless
            }
        }
        stops.clear();
    }

    /**
     * {@code [--dopa-port=18081] [--msdhs-port=18082] [--dopa-house-port=18083] [--dbd-port=18084] [--rd-port=18085]
     * [--cgd-port=18086]}: starts the simulators until the process is stopped.
     */
    public static void main(String[] args) {
        Ports d = Ports.DEFAULTS;
        int[] ports = {d.dopa(), d.msdhs(), d.dopaHouse(), d.dbd(), d.rd(), d.cgd()};
        String[] names = {"--dopa-port=", "--msdhs-port=", "--dopa-house-port=", "--dbd-port=", "--rd-port=", "--cgd-port="};
        for (String arg : args) {
            boolean known = false;
            for (int i = 0; i < names.length; i++) {
                if (arg.startsWith(names[i]) && arg.substring(names[i].length()).matches("[0-9]{1,5}")) {
                    ports[i] = Integer.parseInt(arg.substring(names[i].length()));
                    known = true;
                }
            }
            if (!known) {
                System.err.println("usage: AgencySimulators [--dopa-port=18081] [--msdhs-port=18082] [--dopa-house-port=18083]"
                        + " [--dbd-port=18084] [--rd-port=18085] [--cgd-port=18086]  (0: any free port)");
                System.exit(2);
            }
        }
        AgencySimulators simulators = startAll(new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]));
        Runtime.getRuntime().addShutdownHook(new Thread(simulators::close, "agency-simulators-shutdown"));
        simulators.describe(System.out);
    }

    /** Prints the base URLs and the demo citizens (all synthetic) for people driving the simulators by hand. */
    public void describe(PrintStream out) {
        out.println("Saphan agency simulators (synthetic data, no real people), population as of " + population.asOf());
        out.println("  DOPA citizen profile:    " + dopa.citizenProfileUrl() + "?PID=<13 digits>");
        out.println("  MSDHS disability:        " + msdhs.disabilityCardUrl() + "?PERSON_ID=<13 digits>");
        out.println("  DOPA house registration: " + dopaHouse.serviceUrl() + "  (SOAP, WSDL at ?wsdl)");
        out.println("  DBD juristic person:     " + dbd.baseUrl() + DbdJuristicSimulator.PATH + "?JuristicID=<13 digits>");
        out.println("  RD VAT registration:     " + rd.baseUrl() + RdVatSimulator.PATH + "?TIN=<13 digits>");
        out.println("  CGD welfare payments:    " + cgd.serviceUrl() + "  (SOAP, WSDL at ?wsdl)");
        out.println("  fault control:           POST <simulator base URL>/_sim/faults  mode=none|slow|fail|drop&delayMs=");
        out.println("Demo citizens:");
        for (Person person : population.demoCitizens()) {
            out.println("  " + person.citizenId() + "  " + DemoDescription.of(person, population.asOf()));
        }
        out.println("  " + population.unknownButValidCitizenId() + "  valid check digit, not in the population (404)");
        out.println("Demo companies:");
        for (Company company : companies.all().subList(0, 2)) {
            out.println("  " + company.juristicId() + "  " + company.nameTh() + (company.dissolved() ? " (dissolved)" : ""));
        }
    }
}
