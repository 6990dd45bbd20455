package org.saphan.exchange.catalog;

import org.saphan.schemas.ClientSystemId;

import java.util.Set;

/** A client system of an agency, with its roles and the bcrypt hash of its secret (never the secret). */
public record ClientSystem(ClientSystemId id, String name, Set<Role> roles, String secretHash) {

    public ClientSystem {
        roles = Set.copyOf(roles);
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
