package org.saphan.exchange.catalog;

/** A purpose of processing declared in the catalog, for example {@code welfare-eligibility}. */
public record Purpose(String code, String titleTh, String titleEn) {
}
