package org.saphan.simulators.population;

/** Thai name titles (คำนำหน้านาม): children under 15 are เด็กชาย/เด็กหญิง; a married or widowed woman is นาง. */
final class Titles {

    static final String MR = "นาย";
    static final String MRS = "นาง";
    static final String MISS = "นางสาว";
    static final String BOY = "เด็กชาย";
    static final String GIRL = "เด็กหญิง";

    static final int ADULT_TITLE_AGE = 15;

    private Titles() {
    }

    static String of(Gender gender, int age, MaritalStatus maritalStatus) {
        if (age < ADULT_TITLE_AGE) {
            return gender == Gender.MALE ? BOY : GIRL;
        }
        if (gender == Gender.MALE) {
            return MR;
        }
        return maritalStatus.takesMrsTitle() ? MRS : MISS;
    }

    static String english(String titleTh) {
        return switch (titleTh) {
            case MR -> "Mr.";
            case MRS -> "Mrs.";
            case MISS, GIRL -> "Miss";
            case BOY -> "Master";
            default -> "";
        };
    }
}
