package org.saphan.simulators.dopa.house;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.dopa.house.ws.DopaFault;
import org.saphan.simulators.dopa.house.ws.DopaFault_Exception;
import org.saphan.simulators.dopa.house.ws.GetHouseRegistration;
import org.saphan.simulators.dopa.house.ws.GetHouseRegistrationResponse;
import org.saphan.simulators.dopa.house.ws.House;
import org.saphan.simulators.dopa.house.ws.HouseRegistrationPort;
import org.saphan.simulators.population.Address;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;
import org.saphan.simulators.soap.SoapSimulatorServer;

/**
 * DOPA's house-registration linkage (ทะเบียนบ้าน) over SOAP, implementing the interface generated from
 * {@code wsdl/DOPA/house-registration.wsdl}. A person's house is their {@link Person#houseRegistrationNo()}; the
 * members of a household share it. The eldest living member is the house owner (เจ้าบ้าน, status 1), the other
 * living members are residents (2), and the deceased are struck off (3). Unknown citizens get a {@code DopaFault}
 * with result code 04, a bad PID 01.
 */
public final class DopaHouseRegistrationSimulator extends SoapSimulatorServer {

    public static final String PATH = "/dopa/soap/house-registration";

    public DopaHouseRegistrationSimulator(SyntheticPopulation population, int port) {
        super("dopa-house", port, PATH, HouseRegistrationPort.class, new Registry(population));
    }

    @Override
    public DopaHouseRegistrationSimulator start() {
        super.start();
        return this;
    }

    static final class Registry implements HouseRegistrationPort {

        private final SyntheticPopulation population;
        private final Map<String, List<Person>> households;

        Registry(SyntheticPopulation population) {
            this.population = population;
            this.households = population.all().stream().collect(Collectors.groupingBy(Person::houseRegistrationNo));
        }

        @Override
        public GetHouseRegistrationResponse getHouseRegistration(GetHouseRegistration request) throws DopaFault_Exception {
            String pid = request == null ? null : request.getPID();
            if (pid == null || !CitizenId.isValid(pid)) {
                throw fault("01", "เลขประจำตัวประชาชนไม่ถูกต้อง");
            }
            Person person = population.find(pid).orElseThrow(() -> fault("04", "ไม่พบข้อมูล"));
            List<Person> living = households.get(person.houseRegistrationNo()).stream()
                    .filter(p -> !p.deceased()).toList();
            Person owner = living.stream().min(Comparator.comparing(Person::birthDate)).orElse(null);
            Address address = person.address();
            House house = new House();
            house.setPID(person.citizenId());
            house.setHOUSEID(person.houseRegistrationNo());
            house.setHOUSENO(address.houseNo());
            house.setMOO(address.moo());
            house.setSOI(address.soi());
            house.setROAD(address.road());
            house.setTAMBONDESC(address.subdistrict());
            house.setAMPHURDESC(address.district());
            house.setPROVINCEDESC(address.province());
            house.setPOSTCODE(address.postalCode());
            house.setHOUSESTATUS(person.deceased() ? "3" : person == owner ? "1" : "2");
            house.setMEMBERCOUNT(String.valueOf(living.size()));
            house.setMOVEINDATE(BuddhistEra.format(moveInDate(person)));
            GetHouseRegistrationResponse response = new GetHouseRegistrationResponse();
            response.setRESULTCODE("00");
            response.setRESULTDESC("สำเร็จ");
            response.setHOUSE(house);
            return response;
        }

        /** Children are registered at birth; adults moved in at 18 to 32, a fixed age per person. */
        private LocalDate moveInDate(Person person) {
            if (person.ageOn(population.asOf()) < 18) {
                return person.birthDate();
            }
            LocalDate moved = person.birthDate().plusYears(18 + Math.floorMod(person.citizenId().hashCode(), 15));
            return moved.isAfter(population.asOf()) ? person.birthDate().plusYears(18) : moved;
        }

        private static DopaFault_Exception fault(String code, String description) {
            DopaFault info = new DopaFault();
            info.setRESULTCODE(code);
            info.setRESULTDESC(description);
            return new DopaFault_Exception(description, info);
        }
    }
}
