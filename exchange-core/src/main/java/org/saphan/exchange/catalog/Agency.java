package org.saphan.exchange.catalog;

/** A government agency taking part in the exchange, as consumer, provider or both. */
public record Agency(String code, String nameTh, String nameEn) {
}
