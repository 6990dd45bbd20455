package org.saphan.simulators.population;

import java.util.List;

/**
 * Common Thai given names and surnames, each paired with the romanisation printed on the ID card. Given names are
 * split into an older generation (born before 1980) and a younger one, as naming fashion changed.
 */
final class ThaiNames {

    /** A name in Thai script and its ID-card romanisation. */
    record Name(String th, String en) {
    }

    static final List<Name> MALE_OLDER = names(
            "สมชาย", "SOMCHAI", "สมศักดิ์", "SOMSAK", "สมพงษ์", "SOMPHONG", "สมบัติ", "SOMBAT",
            "สมหมาย", "SOMMAI", "ประเสริฐ", "PRASERT", "ประสิทธิ์", "PRASIT", "บุญมี", "BUNMI",
            "บุญชัย", "BUNCHAI", "วิชัย", "WICHAI", "สุชาติ", "SUCHAT", "ชัยวัฒน์", "CHAIWAT",
            "สุรชัย", "SURACHAI", "วิโรจน์", "WIROT", "ธวัชชัย", "THAWATCHAI", "สุเทพ", "SUTHEP",
            "อำนาจ", "AMNAT", "มานพ", "MANOP", "สมเกียรติ", "SOMKIAT", "ชาญชัย", "CHANCHAI",
            "เกรียงศักดิ์", "KRIANGSAK", "วันชัย", "WANCHAI", "สมคิด", "SOMKHIT", "ไพโรจน์", "PHAIROT",
            "บุญเลิศ", "BUNLOET", "สุรศักดิ์", "SURASAK", "ณรงค์", "NARONG", "สมัย", "SAMAI",
            "ทองดี", "THONGDI", "เสถียร", "SATHIAN", "อนันต์", "ANAN", "ธีระ", "THIRA",
            "พิชัย", "PHICHAI", "สมบูรณ์", "SOMBUN", "ปรีชา", "PRICHA", "สมาน", "SAMAN");

    static final List<Name> MALE_YOUNGER = names(
            "ณัฐพล", "NATTHAPHON", "ธนากร", "THANAKON", "กิตติพัฒน์", "KITTIPHAT", "ภูมิพัฒน์", "PHUMIPHAT",
            "ธนพล", "THANAPHON", "ศุภกิจ", "SUPHAKIT", "พีรพัฒน์", "PHIRAPHAT", "ณัฐวุฒิ", "NATTHAWUT",
            "วรวุฒิ", "WORAWUT", "จิรายุ", "CHIRAYU", "ธีรภัทร", "THIRAPHAT", "ภานุวัฒน์", "PHANUWAT",
            "กฤษดา", "KRITSADA", "อภิสิทธิ์", "APHISIT", "ปิยะพงษ์", "PIYAPHONG", "ศักดิ์ชัย", "SAKCHAI",
            "ชยพล", "CHAYAPHON", "ธนวัฒน์", "THANAWAT", "รัฐพล", "RATTHAPHON", "ภัทรพล", "PHATTHARAPHON",
            "กันต์", "KAN", "ปัณณวัฒน์", "PANNAWAT", "ณภัทร", "NAPHAT", "ภูริ", "PHURI",
            "ธีรเดช", "THIRADET", "วีรยุทธ", "WIRAYUT", "อนุชา", "ANUCHA", "เอกชัย", "EKKACHAI",
            "ชนินทร์", "CHANIN", "กิตติศักดิ์", "KITTISAK", "ธนภัทร", "THANAPHAT", "พงศกร", "PHONGSAKON");

    static final List<Name> FEMALE_OLDER = names(
            "สมศรี", "SOMSI", "สมหญิง", "SOMYING", "มาลี", "MALI", "บุญเรือน", "BUNRUEAN",
            "ประภา", "PRAPHA", "สุนีย์", "SUNI", "วันเพ็ญ", "WANPHEN", "อรุณี", "ARUNI",
            "สุภาพ", "SUPHAP", "จันทร์เพ็ญ", "CHANPHEN", "ละเอียด", "LA-IAT", "ทองใบ", "THONGBAI",
            "บุญมา", "BUNMA", "ศรีสุดา", "SISUDA", "กาญจนา", "KANCHANA", "นงลักษณ์", "NONGLAK",
            "สุกัญญา", "SUKANYA", "วิไลวรรณ", "WILAIWAN", "ประไพ", "PRAPHAI", "อำไพ", "AMPHAI",
            "เพ็ญศรี", "PHENSI", "รัชนี", "RATCHANI", "สายสุนีย์", "SAISUNI", "พรทิพย์", "PHONTHIP",
            "นันทนา", "NANTHANA", "สุดารัตน์", "SUDARAT", "มยุรี", "MAYURI", "จิราพร", "CHIRAPHON",
            "ยุพิน", "YUPHIN", "บุษบา", "BUTSABA", "ลำดวน", "LAMDUAN", "อุไร", "URAI");

    static final List<Name> FEMALE_YOUNGER = names(
            "ณัฐธิดา", "NATTHIDA", "ปิยะนุช", "PIYANUT", "กมลชนก", "KAMONCHANOK", "ชนิดา", "CHANIDA",
            "พิมพ์ชนก", "PHIMCHANOK", "ธัญญารัตน์", "THANYARAT", "ศิริพร", "SIRIPHON", "วรรณภา", "WANNAPHA",
            "ณัฐชา", "NATCHA", "ปวีณา", "PAWINA", "ภัทรา", "PHATTHRA", "อรอุมา", "ON-UMA",
            "สุพัตรา", "SUPHATTRA", "กัญญารัตน์", "KANYARAT", "ธิดารัตน์", "THIDARAT", "นภัสสร", "NAPHATSON",
            "พรรณี", "PHANNI", "ปณิตา", "PANITA", "ชุติมา", "CHUTIMA", "ณิชาภัทร", "NICHAPHAT",
            "อัญชลี", "ANCHALI", "เบญจวรรณ", "BENCHAWAN", "ศศิธร", "SASITHON", "รุ่งนภา", "RUNGNAPHA",
            "จันทิมา", "CHANTHIMA", "ปาริชาติ", "PARICHAT", "ลลิตา", "LALITA", "ญาณิศา", "YANISA",
            "พัชราภา", "PHATCHARAPHA", "ภัทรวดี", "PHATTHARAWADI", "กนกวรรณ", "KANOKWAN", "วิภาวดี", "WIPHAWADI");

    static final List<Name> SURNAMES = names(
            "ใจดี", "JAIDEE", "สุขสวัสดิ์", "SUKSAWAT", "ศรีสุข", "SRISUK", "แสงทอง", "SAENGTHONG",
            "ทองดี", "THONGDEE", "บุญมา", "BOONMA", "วงศ์สวัสดิ์", "WONGSAWAT", "รัตนพันธ์", "RATTANAPHAN",
            "พรหมมา", "PROMMA", "ศรีสวัสดิ์", "SRISAWAT", "สมบูรณ์", "SOMBOON", "มั่นคง", "MANKHONG",
            "ทองคำ", "THONGKHAM", "แก้วมณี", "KAEWMANEE", "บุญเรือง", "BOONRUANG", "จันทร์เพ็ญ", "CHANPEN",
            "สุวรรณรัตน์", "SUWANNARAT", "เพชรรัตน์", "PETCHRAT", "ศรีวงศ์", "SRIWONG", "ชัยมงคล", "CHAIMONGKOL",
            "ปัญญาดี", "PANYADEE", "อินทร์แก้ว", "INKAEW", "คำแหง", "KHAMHAENG", "สายทอง", "SAITHONG",
            "เจริญสุข", "CHAROENSUK", "กิตติวงศ์", "KITTIWONG", "ธนากุล", "THANAKUL", "วิเศษศักดิ์", "WISETSAK",
            "นาคสวัสดิ์", "NAKSAWAT", "ศักดิ์สิทธิ์", "SAKSIT", "พึ่งบุญ", "PHUENGBOON", "ทองประเสริฐ", "THONGPRASERT",
            "สุขเจริญ", "SUKCHAROEN", "รุ่งเรือง", "RUNGRUEANG", "ประเสริฐศรี", "PRASERTSRI", "อ่อนศรี", "ONSRI",
            "แสนสุข", "SAENSUK", "ศรีเมือง", "SRIMUEANG", "บุญประเสริฐ", "BOONPRASERT", "จันทร์แก้ว", "CHANKAEW",
            "มีสุข", "MEESUK", "ดวงแก้ว", "DUANGKAEW", "พรหมสุวรรณ", "PROMSUWAN", "วงศ์ไทย", "WONGTHAI",
            "เรืองศรี", "RUEANGSRI", "ทองสุข", "THONGSUK", "สิทธิชัย", "SITTHICHAI", "ชูชื่น", "CHUCHUEN",
            "เกษมสุข", "KASEMSUK", "อุดมสุข", "UDOMSUK", "ศรีทอง", "SRITHONG", "บัวทอง", "BUATHONG",
            "ขาวสะอาด", "KHAOSA-AT", "นิลสุวรรณ", "NINSUWAN", "ปานทอง", "PANTHONG", "ยอดดี", "YODDEE",
            "กองแก้ว", "KONGKAEW", "โพธิ์ทอง", "PHOTHONG", "ศรีประเสริฐ", "SRIPRASERT", "วัฒนชัย", "WATTANACHAI",
            "มณีรัตน์", "MANEERAT", "หอมจันทร์", "HOMCHAN", "พันธุ์ดี", "PHANDEE", "บุญยืน", "BOONYUEN",
            "ทองมา", "THONGMA", "คงสวัสดิ์", "KHONGSAWAT", "แซ่ตั้ง", "SAETANG", "แซ่ลิ้ม", "SAELIM",
            "แซ่อึ้ง", "SAE-UNG", "แซ่เฮ้ง", "SAEHENG", "ตันติวงศ์", "TANTIWONG", "เตชะไพบูลย์", "TECHAPHAIBUN",
            "ลิ้มสุวรรณ", "LIMSUWAN", "จิตรภักดี", "CHITPHAKDEE", "สมปอง", "SOMPONG", "บุญศรี", "BOONSRI",
            "ชัยประเสริฐ", "CHAIPRASERT", "ศรีสมบูรณ์", "SRISOMBOON", "แก้วกล้า", "KAEWKLA", "ทองใบ", "THONGBAI",
            "พุ่มพวง", "PHUMPHUANG", "สร้อยทอง", "SOITHONG", "อินทรสุวรรณ", "INTHARASUWAN", "มาลัยทอง", "MALAITHONG");

    private ThaiNames() {
    }

    static List<Name> given(Gender gender, boolean olderGeneration) {
        if (gender == Gender.MALE) {
            return olderGeneration ? MALE_OLDER : MALE_YOUNGER;
        }
        return olderGeneration ? FEMALE_OLDER : FEMALE_YOUNGER;
    }

    static Name surname(String th) {
        return SURNAMES.stream().filter(n -> n.th().equals(th)).findFirst().orElseThrow();
    }

    static Name given(String th) {
        return java.util.stream.Stream.of(MALE_OLDER, MALE_YOUNGER, FEMALE_OLDER, FEMALE_YOUNGER)
                .flatMap(List::stream).filter(n -> n.th().equals(th)).findFirst().orElseThrow();
    }

    private static List<Name> names(String... thaiThenRoman) {
        Name[] names = new Name[thaiThenRoman.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = new Name(thaiThenRoman[2 * i], thaiThenRoman[2 * i + 1]);
        }
        return List.of(names);
    }
}
