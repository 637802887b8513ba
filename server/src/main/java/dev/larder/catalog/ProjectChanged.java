package dev.larder.catalog;

import dev.larder.packaging.ProjectName;

/** Published after a change to a project's files or releases in a stage index commits. */
public record ProjectChanged(long indexId, ProjectName project) {}
