package dev.larder.catalog;

import dev.larder.packaging.ProjectName;
import dev.larder.packaging.Version;

/**
 * A project of a stage as lists show it: its names and its latest release ({@link dev.larder.packaging.LatestVersion}).
 *
 * @param latest null when every release was deleted (the project stays, shadowing upstream)
 * @param summary the latest release's summary, or null
 */
public record ProjectHead(long projectId, ProjectName name, String displayName, Version latest,
                          String summary) {}
