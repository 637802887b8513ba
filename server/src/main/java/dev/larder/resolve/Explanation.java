package dev.larder.resolve;

import dev.larder.index.IndexName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Why a merged page holds what it holds (SPEC §4.5): which index supplied each file and which rule hid what. */
public record Explanation(List<IndexName> resolutionOrder, List<Supplied> files, List<Hidden> hidden) {

    public Explanation {
        resolutionOrder = List.copyOf(resolutionOrder);
        files = List.copyOf(files);
        hidden = List.copyOf(hidden);
    }

    @Serdeable
    public record Supplied(String filename, @Nullable String version, String from) {}

    /**
     * @param filename null when a whole index was left out for the project
     * @param rule {@code private-project}, {@code shadowed-filename}, {@code cooldown}, {@code upstream-unavailable}
     */
    @Serdeable
    public record Hidden(String from, @Nullable String filename, String rule, String detail) {}
}
