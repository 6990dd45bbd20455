package org.saphan.exchange.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.saphan.exchange.provider.ConnectorKind;
import org.saphan.schemas.ClientSystemId;
import org.saphan.schemas.DataSetSchema;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.Identifiers;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;
import org.saphan.security.secrets.ClientSecretHasher;
import org.springframework.boot.convert.DurationStyle;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads the operator's YAML catalog, checks it, and builds the {@link Catalog}. Every problem is
 * collected and reported at once, each naming the entry it is about, so an operator fixes a broken
 * catalog in one pass instead of one restart per mistake.
 */
public final class CatalogLoader {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<LegalBasis> NEED_LEGAL_REFERENCE = EnumSet.of(LegalBasis.PDPA_24_4, LegalBasis.PDPA_24_6, LegalBasis.PDPA_26_5);

    /** Opens a resource named in the catalog (a schema file); returns null when it does not exist. */
    public interface Resources extends Function<String, InputStream> {
    }

    private final Resources resources;
    private final UnaryOperator<String> placeholders;
    private final Map<String, ConnectorKind> connectorKinds;

    /**
     * @param resources      opens schema locations named in the catalog
     * @param placeholders   resolves {@code ${...}} in the catalog text (for example provider base URLs per environment)
     * @param connectorKinds the connector kinds the connector modules provide
     */
    public CatalogLoader(Resources resources, UnaryOperator<String> placeholders, List<ConnectorKind> connectorKinds) {
        this.resources = resources;
        this.placeholders = placeholders;
        Map<String, ConnectorKind> kinds = new LinkedHashMap<>();
        connectorKinds.forEach(k -> kinds.put(k.kind(), k));
        this.connectorKinds = kinds;
    }

    public Catalog load(String source, String yamlText) {
        String resolved;
        try {
            resolved = placeholders.apply(yamlText);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int cut = message.indexOf(" in value");
            throw new CatalogException(source, List.of((cut > 0 ? message.substring(0, cut) : "a placeholder cannot be resolved")
                    + " (define it in the hub's configuration or environment)"));
        }
        CatalogDocument doc;
        try {
            doc = YAML.readValue(resolved, CatalogDocument.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CatalogException(source, List.of("not readable as a catalog: " + firstLine(e.getMessage())));
        }
        if (doc == null) {
            throw new CatalogException(source, List.of("the catalog is empty"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Purpose> purposes = purposes(doc, problems);
        Map<String, Agency> agencies = agencies(doc, problems);
        Map<String, ClientSystem> clients = clients(doc, agencies, problems);
        Map<ServiceId, ServiceDefinition> services = services(doc, agencies, purposes, problems);
        Map<String, Agreement> agreements = agreements(doc, clients, services, purposes, problems);
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        Map<Catalog.AgreementKey, List<Agreement>> byKey = new LinkedHashMap<>();
        agreements.values().forEach(a ->
                byKey.computeIfAbsent(new Catalog.AgreementKey(a.consumer(), a.service()), k -> new ArrayList<>()).add(a));
        byKey.replaceAll((k, v) -> List.copyOf(v));
        services.values().forEach(s -> connectorKinds.get(s.connector().kind()).prepare(s));
        return new Catalog(purposes, agencies, clients, services, agreements, byKey);
    }

    private Map<String, Purpose> purposes(CatalogDocument doc, List<String> problems) {
        Map<String, Purpose> out = new LinkedHashMap<>();
        for (CatalogDocument.PurposeEntry p : list(doc.purposes())) {
            String where = "purpose '" + p.code() + "'";
            if (!Identifiers.isPurpose(p.code())) {
                problems.add(where + ": code must match [a-z0-9-]{1,40}");
            } else if (out.putIfAbsent(p.code(), new Purpose(p.code(), p.titleTh(), p.titleEn())) != null) {
                problems.add(where + ": duplicate id");
            }
            requireText(p.titleEn(), where + ": titleEn is missing", problems);
        }
        return out;
    }

    private Map<String, Agency> agencies(CatalogDocument doc, List<String> problems) {
        Map<String, Agency> out = new LinkedHashMap<>();
        for (CatalogDocument.AgencyEntry a : list(doc.agencies())) {
            String where = "agency '" + a.code() + "'";
            if (!Identifiers.isAgency(a.code())) {
                problems.add(where + ": code must match " + Identifiers.AGENCY);
            } else if (out.putIfAbsent(a.code(), new Agency(a.code(), a.nameTh(), a.nameEn())) != null) {
                problems.add(where + ": duplicate id");
            }
        }
        return out;
    }

    private Map<String, ClientSystem> clients(CatalogDocument doc, Map<String, Agency> agencies, List<String> problems) {
        Map<String, ClientSystem> out = new LinkedHashMap<>();
        Set<X500Principal> subjects = new java.util.HashSet<>();
        Set<String> consumerKeys = new java.util.HashSet<>();
        for (CatalogDocument.ClientEntry c : list(doc.clients())) {
            String where = "client '" + c.id() + "'";
            if (!ClientSystemId.isWellFormed(c.id())) {
                problems.add(where + ": id must be AGENCY/system-code");
                continue;
            }
            ClientSystemId id = ClientSystemId.parse(c.id());
            if (!agencies.containsKey(id.agency())) {
                problems.add(where + ": unknown agency '" + id.agency() + "'");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : list(c.roles())) {
                try {
                    roles.add(Role.fromCode(r));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": unknown role '" + r + "' (consumer, auditor, operator, subject-portal)");
                }
            }
            if (roles.isEmpty()) {
                problems.add(where + ": no roles");
            }
            if (c.secretHash() != null && !ClientSecretHasher.isBcryptHash(c.secretHash())) {
                problems.add(where + ": secretHash is not a bcrypt hash (make one with: java -jar saphan-hub.jar hash-secret)");
            }
            X500Principal subject = certificateSubject(c, where, subjects, problems);
            if (c.gdxConsumerKey() != null && (!Identifiers.isRequestId(c.gdxConsumerKey())
                    || !consumerKeys.add(c.gdxConsumerKey().toLowerCase(java.util.Locale.ROOT)))) {
                problems.add(where + ": gdxConsumerKey must be a UUID used by no other client");
            }
            if (out.putIfAbsent(c.id(), new ClientSystem(id, c.name(), roles, c.secretHash(), subject,
                    c.gdxConsumerKey() == null ? null : c.gdxConsumerKey().toLowerCase(java.util.Locale.ROOT))) != null) {
                problems.add(where + ": duplicate id");
            }
        }
        return out;
    }

    /** Parsed as the JDK parses certificate subjects, so equal names match however they are spaced. */
    private static X500Principal certificateSubject(CatalogDocument.ClientEntry c, String where,
                                                    Set<X500Principal> seen, List<String> problems) {
        if (c.certificateSubject() == null) {
            return null;
        }
        try {
            X500Principal subject = new X500Principal(c.certificateSubject());
            if (subject.getName().isEmpty()) {
                problems.add(where + ": certificateSubject is empty");
            } else if (!seen.add(subject)) {
                problems.add(where + ": certificateSubject is already mapped to another client");
            }
            return subject;
        } catch (IllegalArgumentException e) {
            problems.add(where + ": certificateSubject is not an RFC 4514 name (for example CN=welfare-portal,OU=MSDHS,O=...,C=TH)");
            return null;
        }
    }

    private Map<ServiceId, ServiceDefinition> services(CatalogDocument doc, Map<String, Agency> agencies,
                                                       Map<String, Purpose> purposes, List<String> problems) {
        Map<ServiceId, ServiceDefinition> out = new LinkedHashMap<>();
        for (CatalogDocument.ServiceEntry s : list(doc.services())) {
            String where = "service '" + s.id() + "'";
            ServiceId id;
            try {
                id = ServiceId.parse(s.id());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": id must be PROVIDER/service-code/vN");
                continue;
            }
            int before = problems.size();
            if (!agencies.containsKey(id.provider())) {
                problems.add(where + ": unknown provider agency '" + id.provider() + "'");
            }
            requireText(s.titleTh(), where + ": titleTh is missing", problems);
            requireText(s.titleEn(), where + ": titleEn is missing", problems);
            Set<String> servicePurposes = new LinkedHashSet<>(list(s.purposes()));
            servicePurposes.stream().filter(p -> !purposes.containsKey(p))
                    .forEach(p -> problems.add(where + ": unknown purpose '" + p + "'"));
            DataSetSchema request = schema(where, "requestSchema", s.requestSchema(), problems);
            DataSetSchema response = schema(where, "responseSchema", s.responseSchema(), problems);
            if (request != null && s.subjectField() != null && !request.fieldPaths().contains(s.subjectField())) {
                problems.add(where + ": subjectField '" + s.subjectField() + "' is not a field of the request schema");
            }
            Map<String, FieldClass> fields = fieldClasses(where, s.fields(), response, problems);
            ServiceDefinition.Connector connector = connector(where, s.connector(), problems);
            CatalogDocument.MetadataEntry m = s.metadata();
            ServiceDefinition.Metadata metadata = m == null ? null
                    : new ServiceDefinition.Metadata(m.owner(), m.dataCategory(), m.updateFrequency(), m.maintainer());
            if (metadata == null) {
                problems.add(where + ": metadata (owner, dataCategory, updateFrequency, maintainer) is missing");
            }
            Set<String> categories = new LinkedHashSet<>(list(s.dataCategories()));
            categories.stream().filter(c -> !Identifiers.isPurpose(c))
                    .forEach(c -> problems.add(where + ": data category '" + c + "' must match [a-z0-9-]{1,40}"));
            if (problems.size() > before) {
                continue;
            }
            ServiceDefinition def = new ServiceDefinition(id, s.titleTh(), s.titleEn(), s.description(),
                    Set.copyOf(servicePurposes), request, response, s.subjectField(), fields, connector, metadata,
                    categories);
            if (out.putIfAbsent(id, def) != null) {
                problems.add(where + ": duplicate id");
            }
        }
        return out;
    }

    private Map<String, FieldClass> fieldClasses(String where, Map<String, String> declared, DataSetSchema response,
                                                 List<String> problems) {
        Map<String, FieldClass> out = new LinkedHashMap<>();
        if (declared == null || declared.isEmpty()) {
            problems.add(where + ": fields (the classification of each response field) are missing");
            return out;
        }
        declared.forEach((path, cls) -> {
            try {
                out.put(path, FieldClass.fromCode(cls));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": field '" + path + "' has class '" + cls + "'; use public, personal or sensitive");
            }
            if (response != null && !response.fieldPaths().contains(path)) {
                problems.add(where + ": classified field '" + path + "' is not in the response schema");
            }
        });
        if (response != null) {
            for (String path : response.fieldPaths()) {
                if (!isCovered(path, out.keySet())) {
                    problems.add(where + ": response field '" + path + "' has no classification");
                }
            }
        }
        return out;
    }

    private static boolean isCovered(String path, Set<String> classified) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (classified.contains(p)) {
                return true;
            }
            if (p.indexOf('.') < 0) {
                return false;
            }
        }
    }

    private ServiceDefinition.Connector connector(String where, CatalogDocument.ConnectorEntry c, List<String> problems) {
        if (c == null || c.kind() == null) {
            problems.add(where + ": connector.kind is missing");
            return null;
        }
        ConnectorKind kind = connectorKinds.get(c.kind());
        if (kind == null) {
            problems.add(where + ": connector kind '" + c.kind() + "' is not provided by any connector module "
                    + connectorKinds.keySet());
            return null;
        }
        Duration timeout = Duration.ofSeconds(10);
        if (c.timeout() != null) {
            try {
                timeout = DurationStyle.detectAndParse(c.timeout());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": connector.timeout '" + c.timeout() + "' is not a duration (like 5s or 800ms)");
            }
        }
        List<String> kindProblems = new ArrayList<>();
        kind.check(where, c.settings(), kindProblems);
        kindProblems.forEach(p -> problems.add(where + ": connector: " + p));
        return new ServiceDefinition.Connector(c.kind(), timeout, c.settings());
    }

    private Map<String, Agreement> agreements(CatalogDocument doc, Map<String, ClientSystem> clients,
                                              Map<ServiceId, ServiceDefinition> services,
                                              Map<String, Purpose> purposes, List<String> problems) {
        Map<String, Agreement> out = new LinkedHashMap<>();
        for (CatalogDocument.AgreementEntry a : list(doc.agreements())) {
            String where = "agreement '" + a.id() + "'";
            int before = problems.size();
            requireText(a.id(), "an agreement has no id", problems);
            ClientSystem consumer = clients.get(a.consumer());
            if (consumer == null) {
                problems.add(where + ": unknown consumer '" + a.consumer() + "'");
            } else if (!consumer.has(Role.CONSUMER)) {
                problems.add(where + ": client '" + a.consumer() + "' does not have the consumer role");
            }
            ServiceDefinition service = parseService(a.service()).map(services::get).orElse(null);
            if (service == null) {
                problems.add(where + ": unknown service '" + a.service() + "'");
            }
            Set<String> agreedPurposes = new LinkedHashSet<>(list(a.purposes()));
            if (agreedPurposes.isEmpty()) {
                problems.add(where + ": no purposes");
            }
            for (String p : agreedPurposes) {
                if (!purposes.containsKey(p)) {
                    problems.add(where + ": unknown purpose '" + p + "'");
                } else if (service != null && !service.purposes().contains(p)) {
                    problems.add(where + ": purpose '" + p + "' is not one the service may serve");
                }
            }
            Set<LegalBasis> bases = EnumSet.noneOf(LegalBasis.class);
            for (String b : list(a.legalBases())) {
                LegalBasis.fromCode(b).ifPresentOrElse(bases::add,
                        () -> problems.add(where + ": unknown legal basis '" + b + "'"));
            }
            if (bases.isEmpty() && (service == null || !service.isPublicDataSet())) {
                problems.add(where + ": no legal bases (only public data sets may do without)");
            }
            if (bases.stream().anyMatch(NEED_LEGAL_REFERENCE::contains) && isBlank(a.legalReference())) {
                problems.add(where + ": legalReference (the act and section giving the mandate) is required for pdpa-24-4, pdpa-24-6 and pdpa-26-5");
            }
            List<String> released = list(a.releasedFields());
            if (released.isEmpty()) {
                problems.add(where + ": releasedFields is empty");
            }
            if (service != null) {
                released.stream().filter(f -> !service.responseSchema().fieldPaths().contains(f))
                        .forEach(f -> problems.add(where + ": released field '" + f + "' is not in the response schema of " + service.id()));
            }
            if (a.validFrom() == null || a.validUntil() == null) {
                problems.add(where + ": validFrom and validUntil are required");
            } else if (a.validUntil().isBefore(a.validFrom())) {
                problems.add(where + ": validUntil is before validFrom");
            }
            Agreement.Quota quota = null;
            if (a.quota() != null) {
                if (isNotPositive(a.quota().perMinute()) || isNotPositive(a.quota().perDay())) {
                    problems.add(where + ": quotas must be positive numbers");
                }
                quota = new Agreement.Quota(a.quota().perMinute(), a.quota().perDay());
            }
            if (problems.size() > before) {
                continue;
            }
            Agreement agreement = new Agreement(a.id(), a.consumer(), service.id(), Set.copyOf(agreedPurposes),
                    Set.copyOf(bases), a.legalReference(), List.copyOf(released), a.validFrom(), a.validUntil(),
                    quota, a.embargoUntil(), a.retention());
            if (out.putIfAbsent(a.id(), agreement) != null) {
                problems.add(where + ": duplicate id");
            }
        }
        return out;
    }

    private DataSetSchema schema(String where, String key, String location, List<String> problems) {
        if (isBlank(location)) {
            problems.add(where + ": " + key + " is missing");
            return null;
        }
        try (InputStream in = resources.apply(location)) {
            if (in == null) {
                problems.add(where + ": " + key + " file not found: " + location);
                return null;
            }
            JsonNode document = JSON.readTree(in);
            return DataSetSchema.compile(location, document);
        } catch (IOException | RuntimeException e) {
            problems.add(where + ": " + key + " " + location + " is not a usable JSON Schema: " + firstLine(e.getMessage()));
            return null;
        }
    }

    private static Optional<ServiceId> parseService(String value) {
        try {
            return Optional.of(ServiceId.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isNotPositive(Integer n) {
        return n != null && n <= 0;
    }

    private static void requireText(String value, String message, List<String> problems) {
        if (isBlank(value)) {
            problems.add(message);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe.stream().filter(Objects::nonNull).toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
