package org.saphan.simulators;

import java.io.PrintStream;
import org.saphan.simulators.business.Companies;
import org.saphan.simulators.business.Company;
import org.saphan.simulators.cgd.CgdWelfarePaymentSimulator;
import org.saphan.simulators.dbd.DbdJuristicSimulator;
import org.saphan.simulators.dopa.DopaCitizenSimulator;
import org.saphan.simulators.dopa.house.DopaHouseRegistrationSimulator;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;
import org.saphan.simulators.rd.RdVatSimulator;

/**
 * All simulated provider agencies, sharing {@link SyntheticPopulation#standard()} (and the companies made from it)
 * so a person agrees with themself across registries: DOPA citizen profile (REST) and house registration (SOAP),
 * DBD juristic persons (REST), RD VAT registration (REST), CGD welfare payments (SOAP). Each listens on its own
 * 127.0.0.1 port with its own fault control. Run {@link #main} to start them as a separate process.
 */
public final class AgencySimulators implements AutoCloseable {

    public static final int DEFAULT_DOPA_PORT = 18081;

    /** The simulators' ports; 0 picks a free port. */
    public record Ports(int dopa, int dopaHouse, int dbd, int rd, int cgd) {

        /** 18081 to 18085, the demo set-up. */
        public static final Ports DEFAULTS = new Ports(DEFAULT_DOPA_PORT, 18082, 18083, 18084, 18085);

        /** Any free ports. */
        public static final Ports ANY = new Ports(0, 0, 0, 0, 0);
    }

    private final SyntheticPopulation population;
    private final Companies companies;
    private final DopaCitizenSimulator dopa;
    private final DopaHouseRegistrationSimulator dopaHouse;
    private final DbdJuristicSimulator dbd;
    private final RdVatSimulator rd;
    private final CgdWelfarePaymentSimulator cgd;

    private AgencySimulators(SyntheticPopulation population, Companies companies, Ports ports) {
        this.population = population;
        this.companies = companies;
        this.dopa = new DopaCitizenSimulator(population, ports.dopa()).start();
        this.dopaHouse = new DopaHouseRegistrationSimulator(population, ports.dopaHouse()).start();
        this.dbd = new DbdJuristicSimulator(population, companies, ports.dbd()).start();
        this.rd = new RdVatSimulator(companies, ports.rd()).start();
        this.cgd = new CgdWelfarePaymentSimulator(population, ports.cgd()).start();
    }

    /** Starts every simulator, DOPA's citizen profile on {@code dopaPort} and the others on free ports. */
    public static AgencySimulators start(int dopaPort) {
        return startAll(new Ports(dopaPort, 0, 0, 0, 0));
    }

    /** Starts every simulator on the given ports. */
    public static AgencySimulators startAll(Ports ports) {
        SyntheticPopulation population = SyntheticPopulation.standard();
        return new AgencySimulators(population, Companies.standard(population), ports);
    }

    public DopaCitizenSimulator dopa() {
        return dopa;
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
        dopa.stop();
        dopaHouse.stop();
        dbd.stop();
        rd.stop();
        cgd.stop();
    }

    /**
     * {@code [--dopa-port=18081] [--dopa-house-port=18082] [--dbd-port=18083] [--rd-port=18084] [--cgd-port=18085]}:
     * starts the simulators until the process is stopped.
     */
    public static void main(String[] args) {
        int[] ports = {Ports.DEFAULTS.dopa(), Ports.DEFAULTS.dopaHouse(), Ports.DEFAULTS.dbd(), Ports.DEFAULTS.rd(),
            Ports.DEFAULTS.cgd()};
        String[] names = {"--dopa-port=", "--dopa-house-port=", "--dbd-port=", "--rd-port=", "--cgd-port="};
        for (String arg : args) {
            boolean known = false;
            for (int i = 0; i < names.length; i++) {
                if (arg.startsWith(names[i]) && arg.substring(names[i].length()).matches("[0-9]{1,5}")) {
                    ports[i] = Integer.parseInt(arg.substring(names[i].length()));
                    known = true;
                }
            }
            if (!known) {
                System.err.println("usage: AgencySimulators [--dopa-port=18081] [--dopa-house-port=18082] [--dbd-port=18083]"
                        + " [--rd-port=18084] [--cgd-port=18085]  (0: any free port)");
                System.exit(2);
            }
        }
        AgencySimulators simulators = startAll(new Ports(ports[0], ports[1], ports[2], ports[3], ports[4]));
        Runtime.getRuntime().addShutdownHook(new Thread(simulators::close, "agency-simulators-shutdown"));
        simulators.describe(System.out);
    }

    /** Prints the base URLs and the demo citizens (all synthetic) for people driving the simulators by hand. */
    public void describe(PrintStream out) {
        out.println("Saphan agency simulators (synthetic data, no real people), population as of " + population.asOf());
        out.println("  DOPA citizen profile:    " + dopa.citizenProfileUrl() + "?PID=<13 digits>");
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
