package org.saphan.exchange.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog exactly as the operator writes it in YAML, before validation. {@link CatalogLoader}
 * checks it and turns it into a {@link Catalog}. Field names here are the YAML keys.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CatalogDocument(
        List<PurposeEntry> purposes,
        List<AgencyEntry> agencies,
        List<ClientEntry> clients,
        List<ServiceEntry> services,
        List<AgreementEntry> agreements) {

    public record PurposeEntry(String code, String titleTh, String titleEn) {
    }

    public record AgencyEntry(String code, String nameTh, String nameEn) {
    }

    /**
     * @param certificateSubject optional: the RFC 4514 subject of the system's TLS client certificate
     * @param gdxConsumerKey     optional: its Consumer-Key on the GDX face (a UUID)
     */
    public record ClientEntry(String id, String name, List<String> roles, String secretHash,
                              String certificateSubject, String gdxConsumerKey) {
    }

    public record ServiceEntry(
            String id,
            String titleTh,
            String titleEn,
            String description,
            List<String> purposes,
            String requestSchema,
            String responseSchema,
            String subjectField,
            Map<String, String> fields,
            ConnectorEntry connector,
            MetadataEntry metadata,
            List<String> dataCategories) {
    }

    /** How the hub reaches the provider: a kind and settings that only that kind's connector reads. */
    public record ConnectorEntry(String kind, String timeout, Map<String, Object> settings) {
        public ConnectorEntry {
            // a key written without a value (baseUrl:) stays as null so the kind reports it as missing
            settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }
    }

    /** The data-catalog metadata agencies already keep for each data set. */
    public record MetadataEntry(String owner, String dataCategory, String updateFrequency, String maintainer) {
    }

    public record AgreementEntry(
            String id,
            String consumer,
            String service,
            List<String> purposes,
            List<String> legalBases,
            String legalReference,
            List<String> releasedFields,
            LocalDate validFrom,
            LocalDate validUntil,
            QuotaEntry quota,
            LocalDate embargoUntil,
            String retention) {
    }

    public record QuotaEntry(Integer perMinute, Integer perDay) {
    }
}
