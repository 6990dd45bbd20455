package org.saphan.exchange.catalog;

import org.saphan.schemas.ClientSystemId;

import javax.security.auth.x500.X500Principal;
import java.util.Set;

/**
 * A client system of an agency, with its roles and the bcrypt hash of its secret (never the secret).
 *
 * @param certificateSubject the subject of its TLS client certificate, or null when it has none
 * @param gdxConsumerKey     its {@code Consumer-Key} on the GDX face, or null when it does not use that face
 */
public record ClientSystem(ClientSystemId id, String name, Set<Role> roles, String secretHash,
                           X500Principal certificateSubject, String gdxConsumerKey) {

    public ClientSystem {
        roles = Set.copyOf(roles);
    }

    public ClientSystem(ClientSystemId id, String name, Set<Role> roles, String secretHash) {
        this(id, name, roles, secretHash, null, null);
    }

    public String agency() {
        return id.agency();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "ClientSystem[" + id + ", roles=" + roles + "]";
    }
}
