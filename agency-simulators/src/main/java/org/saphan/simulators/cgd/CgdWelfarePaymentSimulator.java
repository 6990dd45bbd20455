package org.saphan.simulators.cgd;

import java.time.LocalDate;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.cgd.ws.CgdFault;
import org.saphan.simulators.cgd.ws.CgdFault_Exception;
import org.saphan.simulators.cgd.ws.InquireWelfarePayments;
import org.saphan.simulators.cgd.ws.InquireWelfarePaymentsResponse;
import org.saphan.simulators.cgd.ws.Payee;
import org.saphan.simulators.cgd.ws.WelfarePaymentPort;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;
import org.saphan.simulators.soap.SoapSimulatorServer;

/**
 * CGD's welfare-payment inquiry (กรมบัญชีกลาง) over SOAP, implementing the interface generated from
 * {@code wsdl/CGD/welfare-payments.wsdl}. Allowances follow from the person, so they agree with DOPA:
 * <ul>
 *   <li>elderly allowance (เบี้ยยังชีพผู้สูงอายุ) from 60: 600 baht a month, 700 from 70, 800 from 80, 1,000 from 90;</li>
 *   <li>disability allowance (เบี้ยความพิการ) for a valid disability card: 800 baht, 1,000 under 18;</li>
 *   <li>child support (เงินอุดหนุนเด็กแรกเกิด) under 6: 600 baht.</li>
 * </ul>
 * Payments are made on the 10th; a deceased payee's payments are suspended (S), someone paid nothing is N.
 */
public final class CgdWelfarePaymentSimulator extends SoapSimulatorServer {

    public static final String PATH = "/cgd/soap/welfare-payments";

    public CgdWelfarePaymentSimulator(SyntheticPopulation population, int port) {
        super("cgd", port, PATH, WelfarePaymentPort.class, new Payments(population));
    }

    @Override
    public CgdWelfarePaymentSimulator start() {
        super.start();
        return this;
    }

    /** The monthly allowances of a living person on {@code date}: elderly, disability, child support. */
    public static int[] allowances(Person person, LocalDate date) {
        int age = person.ageOn(date);
        int elderly = age >= 90 ? 1000 : age >= 80 ? 800 : age >= 70 ? 700 : age >= 60 ? 600 : 0;
        int disability = person.disability().filter(d -> d.cardValidOn(date)).isPresent() ? (age < 18 ? 1000 : 800) : 0;
        int child = age < 6 ? 600 : 0;
        return new int[] {elderly, disability, child};
    }

    static final class Payments implements WelfarePaymentPort {

        private final SyntheticPopulation population;

        Payments(SyntheticPopulation population) {
            this.population = population;
        }

        @Override
        public InquireWelfarePaymentsResponse inquireWelfarePayments(InquireWelfarePayments request) throws CgdFault_Exception {
            String id = request == null ? null : request.getCitizenID();
            if (id == null || !CitizenId.isValid(id)) {
                throw fault("E400", "invalid citizen id");
            }
            Person person = population.find(id).orElseThrow(() -> fault("E404", "no payee record"));
            LocalDate today = population.asOf();
            int[] amounts = person.deceased() ? new int[3] : allowances(person, today);
            boolean paid = amounts[0] + amounts[1] + amounts[2] > 0;
            Payee payee = new Payee();
            payee.setCitizenID(person.citizenId());
            payee.setElderlyAllowanceAmt(amounts[0]);
            payee.setDisabilityAllowanceAmt(amounts[1]);
            payee.setChildSupportAmt(amounts[2]);
            payee.setPaymentStatus(person.deceased() ? "S" : paid ? "A" : "N");
            LocalDate payday = today.getDayOfMonth() >= 10 ? today.withDayOfMonth(10) : today.minusMonths(1).withDayOfMonth(10);
            payee.setLastPaymentDate(paid && !payday.isBefore(person.birthDate()) ? BuddhistEra.format(payday) : "");
            InquireWelfarePaymentsResponse response = new InquireWelfarePaymentsResponse();
            response.setReturnCode("0000");
            response.setPayee(payee);
            return response;
        }

        private static CgdFault_Exception fault(String code, String message) {
            CgdFault info = new CgdFault();
            info.setReturnCode(code);
            info.setMessage(message);
            return new CgdFault_Exception(message, info);
        }
    }
}
