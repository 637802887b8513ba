package dev.larder.catalog;

import dev.larder.packaging.ProjectName;

/** A project in an index's list: normalized name and the name it was last uploaded under. */
public record ProjectSummary(ProjectName name, String displayName) {}
