package dev.larder.upstream;

import dev.larder.packaging.ProjectName;

/** Published when a mirror took a new page (or "not found") for a project from upstream. */
public record UpstreamPageChanged(long indexId, ProjectName project) {}
