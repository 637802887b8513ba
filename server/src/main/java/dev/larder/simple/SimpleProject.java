package dev.larder.simple;

import dev.larder.packaging.ProjectName;
import java.util.List;

/** What a project page shows: its files and versions (versions may include some without files, PEP 700). */
public record SimpleProject(ProjectName name, List<SimpleFile> files, List<String> versions) {}
