package dev.larder.api;

import dev.larder.platform.ProblemException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks of admin API bodies shared by its controllers. */
final class ApiFields {

    private ApiFields() {}

    /** Rejects fields the endpoint does not know, naming them: a typo must not be silently ignored. */
    static void only(Map<String, Object> fields, String... known) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(Set.of(known));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("Unknown field" + (unknown.size() == 1 ? " " : "s ") + unknown
                    + "; this endpoint accepts " + String.join(", ", known) + ".");
        }
    }
}
