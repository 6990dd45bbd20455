package org.saphan.simulators.business;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

/**
 * A deterministic set of juristic persons whose directors are adults of the synthetic population. Juristic IDs
 * have DBD's shape: {@code 010} (registered in Bangkok), a type digit (5 company, 7 public company,
 * 3 partnership), the last two digits of the Buddhist year of registration, a serial of six digits and the same
 * mod-11 check digit as citizen IDs.
 *
 * <p>The first company is a demo company: บริษัท ใจดี เทรดดิ้ง จำกัด, directed by the demo adult man, VAT
 * registered. The second is a dissolved partnership, not VAT registered.
 */
public final class Companies {

    public static final int STANDARD_SIZE = 300;

    private static final String[] WORDS_TH = {"สยาม", "รุ่งเรือง", "ไทยพัฒนา", "เจริญกิจ", "ทองคำ", "ศรีสุข", "มั่นคง",
        "พัฒนพงศ์", "แสงทอง", "อุดมสุข", "บูรพา", "ล้านนา", "อันดามัน", "ชัยมงคล", "สุขสวัสดิ์"};
    private static final String[] WORDS_EN = {"SIAM", "RUNGRUANG", "THAI PHATTHANA", "CHAROENKIT", "THONGKHAM", "SRISUK",
        "MANKHONG", "PHATTHANAPHONG", "SAENGTHONG", "UDOMSUK", "BURAPHA", "LANNA", "ANDAMAN", "CHAIMONGKHON", "SUKSAWAT"};
    private static final String[] TRADES_TH = {"เทรดดิ้ง", "คอนสตรัคชั่น", "ฟู้ดส์", "เทคโนโลยี", "โลจิสติกส์", "การเกษตร"};
    private static final String[] TRADES_EN = {"TRADING", "CONSTRUCTION", "FOODS", "TECHNOLOGY", "LOGISTICS", "AGRICULTURE"};

    private final List<Company> all;
    private final Map<String, Company> byId = new HashMap<>();

    public Companies(SyntheticPopulation population, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> adults = population.all().stream()
                .filter(p -> !p.deceased() && p.ageOn(population.asOf()) >= 25).toList();
        List<Company> companies = new ArrayList<>(size);
        Person demoDirector = population.demoCitizens().get(0);
        companies.add(new Company(juristicId("0105", 2560, 1), "บริษัท ใจดี เทรดดิ้ง จำกัด", "JAIDEE TRADING CO., LTD.",
                "COMPANY_LIMITED", LocalDate.of(2017, 5, 15), 5_000_000, false, demoDirector.address().province(),
                List.of(demoDirector.citizenId()), LocalDate.of(2017, 7, 1)));
        Person partner = population.demoCitizens().get(1);
        companies.add(new Company(juristicId("0103", 2555, 2), "ห้างหุ้นส่วนจำกัด แสงทอง การค้า", "SAENGTHONG KANKHA LIMITED PARTNERSHIP",
                "LIMITED_PARTNERSHIP", LocalDate.of(2012, 3, 1), 500_000, true, partner.address().province(),
                List.of(partner.citizenId()), null));
        for (int serial = 3; companies.size() < size; serial++) {
            int kind = random.nextInt(20);
            String type = kind == 0 ? "PUBLIC_COMPANY" : kind < 5 ? "LIMITED_PARTNERSHIP" : "COMPANY_LIMITED";
            String prefix = kind == 0 ? "0107" : kind < 5 ? "0103" : "0105";
            LocalDate registered = population.asOf().minusDays(400 + random.nextInt(40 * 365));
            int w = random.nextInt(WORDS_TH.length);
            int t = random.nextInt(TRADES_TH.length);
            String nameTh = switch (type) {
                case "PUBLIC_COMPANY" -> "บริษัท " + WORDS_TH[w] + " " + TRADES_TH[t] + " จำกัด (มหาชน)";
                case "LIMITED_PARTNERSHIP" -> "ห้างหุ้นส่วนจำกัด " + WORDS_TH[w] + " " + TRADES_TH[t];
                default -> "บริษัท " + WORDS_TH[w] + " " + TRADES_TH[t] + " จำกัด";
            };
            String nameEn = switch (type) {
                case "PUBLIC_COMPANY" -> WORDS_EN[w] + " " + TRADES_EN[t] + " PUBLIC COMPANY LIMITED";
                case "LIMITED_PARTNERSHIP" -> WORDS_EN[w] + " " + TRADES_EN[t] + " LIMITED PARTNERSHIP";
                default -> WORDS_EN[w] + " " + TRADES_EN[t] + " CO., LTD.";
            };
            long capital = (type.equals("PUBLIC_COMPANY") ? 100_000_000L : 100_000L) * (1 + random.nextInt(50));
            List<String> directors = new ArrayList<>();
            Person first = adults.get(random.nextInt(adults.size()));
            for (int d = 1 + random.nextInt(3); directors.size() < d; ) {
                Person p = directors.isEmpty() ? first : adults.get(random.nextInt(adults.size()));
                if (!directors.contains(p.citizenId())) {
                    directors.add(p.citizenId());
                }
            }
            boolean dissolved = random.nextInt(10) == 0;
            // VAT registration is required above 1.8 million baht turnover: most companies, few small partnerships
            boolean vat = !dissolved && (capital >= 1_000_000 || random.nextInt(3) == 0);
            companies.add(new Company(juristicId(prefix, registered.getYear() + 543, serial), nameTh, nameEn, type,
                    registered, capital, dissolved, first.address().province(), List.copyOf(directors),
                    vat ? registered.plusDays(30 + random.nextInt(300)) : null));
        }
        this.all = List.copyOf(companies);
        all.forEach(c -> byId.put(c.juristicId(), c));
    }

    /** The standard set: {@value #STANDARD_SIZE} companies over {@link SyntheticPopulation#standard()}. */
    public static Companies standard(SyntheticPopulation population) {
        return new Companies(population, STANDARD_SIZE, population.seed() + 1);
    }

    public Optional<Company> find(String juristicId) {
        return Optional.ofNullable(byId.get(juristicId));
    }

    public List<Company> all() {
        return all;
    }

    /** Companies a person directs. */
    public List<Company> directedBy(String citizenId) {
        return all.stream().filter(c -> c.directorCitizenIds().contains(citizenId)).toList();
    }

    static String juristicId(String prefix, int buddhistYear, int serial) {
        String twelve = prefix + String.format("%02d", buddhistYear % 100) + String.format("%06d", serial);
        return twelve + CitizenId.checkDigitFor(twelve);
    }
}
