package org.saphan.exchange.catalog;

import org.saphan.schemas.ServiceId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated catalog: purposes, agencies, client systems, services and data sharing agreements.
 * Immutable and indexed for the hot path (lookups are map reads).
 */
public final class Catalog {

    private final Map<String, Purpose> purposes;
    private final Map<String, Agency> agencies;
    private final Map<String, ClientSystem> clients;
    private final Map<ServiceId, ServiceDefinition> services;
    private final Map<String, Agreement> agreementsById;
    private final Map<AgreementKey, List<Agreement>> agreementsByConsumerAndService;
    private final Map<javax.security.auth.x500.X500Principal, ClientSystem> clientsByCertificateSubject;
    private final Map<String, ClientSystem> clientsByGdxConsumerKey;

    Catalog(Map<String, Purpose> purposes,
            Map<String, Agency> agencies,
            Map<String, ClientSystem> clients,
            Map<ServiceId, ServiceDefinition> services,
            Map<String, Agreement> agreementsById,
            Map<AgreementKey, List<Agreement>> agreementsByConsumerAndService) {
        this.purposes = Map.copyOf(purposes);
        this.agencies = Map.copyOf(agencies);
        this.clients = Map.copyOf(clients);
        this.services = Map.copyOf(services);
        this.agreementsById = Map.copyOf(agreementsById);
        this.agreementsByConsumerAndService = Map.copyOf(agreementsByConsumerAndService);
        Map<javax.security.auth.x500.X500Principal, ClientSystem> bySubject = new java.util.HashMap<>();
        Map<String, ClientSystem> byKey = new java.util.HashMap<>();
        clients.values().forEach(c -> {
            if (c.certificateSubject() != null) {
                bySubject.put(c.certificateSubject(), c);
            }
            if (c.gdxConsumerKey() != null) {
                byKey.put(c.gdxConsumerKey(), c);
            }
        });
        this.clientsByCertificateSubject = Map.copyOf(bySubject);
        this.clientsByGdxConsumerKey = Map.copyOf(byKey);
    }

    /** The client system a (checked) TLS client certificate subject maps to. */
    public Optional<ClientSystem> clientByCertificateSubject(javax.security.auth.x500.X500Principal subject) {
        return Optional.ofNullable(subject == null ? null : clientsByCertificateSubject.get(subject));
    }

    /** The client system behind a GDX {@code Consumer-Key}. */
    public Optional<ClientSystem> clientByGdxConsumerKey(String consumerKey) {
        return Optional.ofNullable(consumerKey == null ? null
                : clientsByGdxConsumerKey.get(consumerKey.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<ClientSystem> client(String clientId) {
        return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
    }

    public Optional<ServiceDefinition> service(ServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public Optional<Purpose> purpose(String code) {
        return Optional.ofNullable(purposes.get(code));
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(agreementsById.get(id));
    }

    /** Every agreement binding this consumer to this service, in catalog order (valid or not on a given day). */
    public List<Agreement> agreementsFor(String consumerId, ServiceId service) {
        return agreementsByConsumerAndService.getOrDefault(new AgreementKey(consumerId, service), List.of());
    }

    /** The agreement in force on {@code day} for this consumer and service, if any. */
    public Optional<Agreement> agreementInForce(String consumerId, ServiceId service, LocalDate day) {
        return agreementsFor(consumerId, service).stream().filter(a -> a.inForceOn(day)).findFirst();
    }

    public Collection<ServiceDefinition> services() {
        return services.values();
    }

    public Collection<Agreement> agreements() {
        return agreementsById.values();
    }

    public Collection<ClientSystem> clients() {
        return clients.values();
    }

    public Collection<Agency> agencies() {
        return agencies.values();
    }

    public Collection<Purpose> purposes() {
        return purposes.values();
    }

    record AgreementKey(String consumer, ServiceId service) {
    }
}
