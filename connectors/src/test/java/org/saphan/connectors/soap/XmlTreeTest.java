package org.saphan.connectors.soap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Regression of a fuzz finding: a provider's broken XML is refused, and nothing is printed outside the hub's logs. */
class XmlTreeTest {

    @Test
    void brokenXmlIsRefusedWithoutPrintingAnything() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (String broken : new String[] {"", "<a>", "<a>\u0001</a>", "not xml", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"}) {
                assertThatThrownBy(() -> XmlTree.parse(broken)).as(broken).isInstanceOf(IllegalArgumentException.class);
            }
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
