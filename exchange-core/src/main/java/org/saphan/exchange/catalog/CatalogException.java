package org.saphan.exchange.catalog;

import java.util.List;

/** The catalog cannot be used; the message lists every problem found, one per line. */
public final class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(String source, List<String> problems) {
        super("catalog " + source + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
