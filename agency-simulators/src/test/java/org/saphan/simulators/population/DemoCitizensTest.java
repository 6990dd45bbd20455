package org.saphan.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.saphan.schemas.CitizenId;
import org.junit.jupiter.api.Test;

class DemoCitizensTest {

    /** Listed in the module README: changing one breaks the documentation and other modules' tests. */
    private static final List<String> DOCUMENTED_IDS = List.of(
            "1103000123455", "1400100234563", "3301500012345", "1103000456781", "1901100567895", "3500100078907");

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    private final SyntheticPopulation population = new SyntheticPopulation(5_000, SyntheticPopulation.STANDARD_SEED, AS_OF);
    private final List<Person> demos = population.demoCitizens();

    @Test
    void demoIdsAreTheDocumentedOnesAndValid() {
        assertThat(demos).extracting(Person::citizenId).containsExactlyElementsOf(DOCUMENTED_IDS);
        assertThat(DOCUMENTED_IDS).allMatch(CitizenId::isValid);
        assertThat(SyntheticPopulation.standard().demoCitizens()).extracting(Person::citizenId)
                .containsExactlyElementsOf(DOCUMENTED_IDS);
        assertThat(population.unknownButValidCitizenId()).isEqualTo("1999900000005");
    }

    @Test
    void demosArePartOfThePopulationWhateverTheSeed() {
        assertThat(population.all().subList(0, demos.size())).isEqualTo(demos);
        demos.forEach(demo -> assertThat(population.find(demo.citizenId())).containsSame(demo));
        assertThat(new SyntheticPopulation(500, 99L, AS_OF).demoCitizens()).isEqualTo(demos);
    }

    @Test
    void adultManIsSomchaiJaidee() {
        Person man = demos.get(0);
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(man.titleTh()).isEqualTo("นาย");
        assertThat(man.firstNameTh() + " " + man.lastNameTh()).isEqualTo("สมชาย ใจดี");
        assertThat(man.firstNameEn() + " " + man.lastNameEn()).isEqualTo("SOMCHAI JAIDEE");
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1989, 4, 15));
        assertThat(man.ageOn(AS_OF)).isBetween(18, 59);
        assertThat(man.deceased()).isFalse();
        assertThat(man.disability()).isEmpty();
    }

    @Test
    void adultWomanIsSingle() {
        Person woman = demos.get(1);
        assertThat(woman.gender()).isEqualTo(Gender.FEMALE);
        assertThat(woman.titleTh()).isEqualTo("นางสาว");
        assertThat(woman.ageOn(AS_OF)).isBetween(18, 59);
        assertThat(woman.address().soi()).isEmpty();
        assertThat(woman.address().road()).isEmpty();
        assertThat(woman.deceased()).isFalse();
    }

    @Test
    void elderlyPersonIsOverSixtyAndRegisteredBefore1984() {
        Person elder = demos.get(2);
        assertThat(elder.ageOn(AS_OF)).isGreaterThan(60);
        assertThat(elder.citizenId()).startsWith("3");
        assertThat(elder.titleTh()).isEqualTo("นาง");
        assertThat(elder.maritalStatus()).isEqualTo(MaritalStatus.WIDOWED);
        assertThat(elder.address().moo()).isEqualTo("7");
    }

    @Test
    void newbornStaysUnderOneYearAndLivesWithTheFather() {
        Person baby = demos.get(3);
        assertThat(baby.ageOn(AS_OF)).isZero();
        assertThat(baby.birthDate()).isEqualTo(AS_OF.minusDays(74));
        assertThat(baby.titleTh()).isEqualTo("เด็กชาย");
        assertThat(baby.houseRegistrationNo()).isEqualTo(demos.get(0).houseRegistrationNo());
        assertThat(baby.address()).isEqualTo(demos.get(0).address());
        assertThat(baby.lastNameTh()).isEqualTo(demos.get(0).lastNameTh());

        LocalDate nextYear = AS_OF.plusYears(1);
        Person later = new SyntheticPopulation(100, 1L, nextYear).demoCitizens().get(3);
        assertThat(later.citizenId()).isEqualTo(baby.citizenId());
        assertThat(later.ageOn(nextYear)).isZero();
    }

    @Test
    void personWithDisabilityHoldsAValidPhysicalDisabilityCard() {
        Person person = demos.get(4);
        Disability disability = person.disability().orElseThrow();
        assertThat(disability.type()).isEqualTo(DisabilityType.PHYSICAL);
        assertThat(disability.cardValidOn(AS_OF)).isTrue();
        assertThat(disability.cardNumber()).startsWith("9011-");
        assertThat(person.deceased()).isFalse();
    }

    @Test
    void deceasedDemoIsDeceased() {
        Person person = demos.get(5);
        assertThat(person.lifeStatus()).isEqualTo(LifeStatus.DECEASED);
        assertThat(person.citizenId()).startsWith("3");
        assertThat(demos.subList(0, 5)).noneMatch(Person::deceased);
    }
}
