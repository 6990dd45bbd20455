package org.saphan.exchange.catalog;

import org.junit.jupiter.api.Test;
import org.saphan.exchange.testing.TestCatalogs;

import javax.security.auth.x500.X500Principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The optional identity keys of a client: its certificate subject and its GDX Consumer-Key. */
class ClientIdentityCatalogTest {

    private static final String PORTAL = "{id: MSDHS/welfare-portal, name: portal, roles: [consumer],";

    @Test
    void mapsCertificateSubjectsAndConsumerKeysToClients() {
        Catalog catalog = TestCatalogs.loader().load("c.yaml", TestCatalogs.text().replace(PORTAL, PORTAL
                + " certificateSubject: 'CN=welfare-portal, OU=MSDHS, O=Saphan Development, C=TH',"
                + " gdxConsumerKey: 6F1C2A7E-3B9D-4C52-9E8A-51D0B7A4C3E2,"));
        // matched the way the JDK compares names: spacing and case of the key do not matter
        assertThat(catalog.clientByCertificateSubject(new X500Principal("CN=welfare-portal,OU=MSDHS,O=Saphan Development,C=TH")))
                .hasValueSatisfying(c -> assertThat(c.id().toString()).isEqualTo("MSDHS/welfare-portal"));
        assertThat(catalog.clientByCertificateSubject(new X500Principal("CN=welfare-portal,OU=RD,O=Saphan Development,C=TH")))
                .isEmpty();
        assertThat(catalog.clientByGdxConsumerKey("6f1c2a7e-3b9d-4c52-9e8a-51d0b7a4c3e2")).isPresent();
        assertThat(catalog.clientByGdxConsumerKey("00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(catalog.clientByGdxConsumerKey(null)).isEmpty();
    }

    @Test
    void refusesMalformedOrSharedIdentityKeys() {
        String text = TestCatalogs.text();
        assertThatThrownBy(() -> TestCatalogs.loader().load("c.yaml", text.replace(PORTAL, PORTAL + " certificateSubject: 'not a name',")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("certificateSubject is not an RFC 4514 name");
        assertThatThrownBy(() -> TestCatalogs.loader().load("c.yaml", text.replace(PORTAL, PORTAL + " gdxConsumerKey: abc,")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("gdxConsumerKey must be a UUID");
        String shared = text.replace(PORTAL, PORTAL + " certificateSubject: 'CN=x', gdxConsumerKey: 6f1c2a7e-3b9d-4c52-9e8a-51d0b7a4c3e2,")
                .replace("{id: RD/tax-audit, name: rd, roles: [consumer]}",
                        "{id: RD/tax-audit, name: rd, roles: [consumer], certificateSubject: 'CN=x', gdxConsumerKey: 6f1c2a7e-3b9d-4c52-9e8a-51d0b7a4c3e2}");
        assertThatThrownBy(() -> TestCatalogs.loader().load("c.yaml", shared))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("certificateSubject is already mapped to another client"))
                        .anyMatch(p -> p.contains("gdxConsumerKey must be a UUID used by no other client")));
    }
}
