package org.saphan.exchange.catalog;

import org.saphan.schemas.DataSetSchema;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.ServiceId;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A service of the catalog: what it answers (request and response data sets, each response field's
 * classification), which purposes it may serve, and how the hub reaches the provider.
 *
 * @param subjectField the request field that names the data subject (a citizen ID), or null for
 *                     services about no person (public data sets)
 * @param fields       response field path (dotted) to classification; a container's class covers its children
 * @param dataCategories what kinds of personal data the service holds (for example {@code disability}); a
 *                     consent given for all of them covers the service
 */
public record ServiceDefinition(
        ServiceId id,
        String titleTh,
        String titleEn,
        String description,
        Set<String> purposes,
        DataSetSchema requestSchema,
        DataSetSchema responseSchema,
        String subjectField,
        Map<String, FieldClass> fields,
        Connector connector,
        Metadata metadata,
        Set<String> dataCategories) {

    public ServiceDefinition {
        dataCategories = dataCategories == null ? Set.of() : Set.copyOf(dataCategories);
    }

    /** A service with no data categories declared. */
    public ServiceDefinition(ServiceId id, String titleTh, String titleEn, String description, Set<String> purposes,
                             DataSetSchema requestSchema, DataSetSchema responseSchema, String subjectField,
                             Map<String, FieldClass> fields, Connector connector, Metadata metadata) {
        this(id, titleTh, titleEn, description, purposes, requestSchema, responseSchema, subjectField, fields,
                connector, metadata, Set.of());
    }

    public String provider() {
        return id.provider();
    }

    /** True when no response field is personal or sensitive: an open data set needs no legal basis. */
    public boolean isPublicDataSet() {
        return fields.values().stream().allMatch(c -> c == FieldClass.PUBLIC);
    }

    /** The class of a released field path: its own, else its nearest classified ancestor's. */
    public FieldClass classOf(String path) {
        String p = path;
        while (true) {
            FieldClass c = fields.get(p);
            if (c != null) {
                return c;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                // unclassified fields are treated as personal: refuse by default, never as public
                return FieldClass.PERSONAL;
            }
            p = p.substring(0, dot);
        }
    }

    /**
     * How to reach the provider.
     *
     * @param kind     the connector kind (for example {@code rest}); a connector module must provide it
     * @param timeout  how long the hub waits for the provider
     * @param settings the kind's own settings, read only by that connector
     */
    public record Connector(String kind, Duration timeout, Map<String, Object> settings) {
    }

    public record Metadata(String owner, String dataCategory, String updateFrequency, String maintainer) {
    }
}
