package org.saphan.exchange.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    @Test
    void quotesOnlyWhatNeedsItAndDoublesQuotes() {
        assertThat(AuditCsv.cell("pdpa-24-4")).isEqualTo("pdpa-24-4");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("Act, s.4")).isEqualTo("\"Act, s.4\"");
        assertThat(AuditCsv.cell("the \"Act\"")).isEqualTo("\"the \"\"Act\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
