package org.saphan.exchange.audit;

import javax.sql.DataSource;

/** Fresh migrated databases for tests in other packages. */
public final class AuditTestDatabases {

    private AuditTestDatabases() {
    }

    public static DataSource freshH2() {
        return AuditDatabases.fresh("h2");
    }
}
