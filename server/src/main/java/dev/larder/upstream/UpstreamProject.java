package dev.larder.upstream;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A project page of an upstream index: its files and (PEP 700) versions, which may be empty for HTML pages. */
@Serdeable
public record UpstreamProject(List<UpstreamFile> files, List<String> versions) {

    public UpstreamProject {
        // Null when read back from the cache: Micronaut Serde leaves empty lists out when it writes.
        files = files == null ? List.of() : List.copyOf(files);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
