package org.saphan.simulators.population;

/**
 * The seven disability types of the Ministry of Social Development and Human Security
 * (ประเภทความพิการ), with their official numbering.
 */
public enum DisabilityType {
    VISUAL(1, "ความพิการทางการเห็น", "visual"),
    HEARING(2, "ความพิการทางการได้ยินหรือสื่อความหมาย", "hearing or communication"),
    PHYSICAL(3, "ความพิการทางการเคลื่อนไหวหรือทางร่างกาย", "physical or movement"),
    MENTAL(4, "ความพิการทางจิตใจหรือพฤติกรรม", "mental or behavioural"),
    INTELLECTUAL(5, "ความพิการทางสติปัญญา", "intellectual"),
    LEARNING(6, "ความพิการทางการเรียนรู้", "learning"),
    AUTISM(7, "ความพิการทางออทิสติก", "autism");

    private final int code;
    private final String nameTh;
    private final String nameEn;

    DisabilityType(int code, String nameTh, String nameEn) {
        this.code = code;
        this.nameTh = nameTh;
        this.nameEn = nameEn;
    }

    public int code() {
        return code;
    }

    public String nameTh() {
        return nameTh;
    }

    public String nameEn() {
        return nameEn;
    }
}
