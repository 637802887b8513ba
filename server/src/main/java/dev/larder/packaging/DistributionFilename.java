package dev.larder.packaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The name of a distribution file, parsed into the project and version it claims to hold.
 *
 * <p>Wheels follow https://packaging.python.org/en/latest/specifications/binary-distribution-format/ and source
 * distributions https://packaging.python.org/en/latest/specifications/source-distribution-format/ (PEP 625), parsed
 * as {@code packaging.utils.parse_wheel_filename} and {@code parse_sdist_filename} do.
 */
public sealed interface DistributionFilename permits WheelFilename, SdistFilename {

    /** Archive suffixes pip recognises for source distributions, longest first so {@code .tar.gz} wins over {@code .gz}. */
    List<String> LEGACY_SDIST_SUFFIXES = List.of(
            ".tar.lzma", ".tar.bz2", ".tar.gz", ".tar.xz", ".tar.lz", ".tar", ".tgz", ".tbz", ".txz", ".tlz", ".zip");

    String filename();

    ProjectName project();

    Version version();

    /**
     * Parses a filename without knowing its project: a wheel, or an sdist ending in {@code .tar.gz} or {@code .zip}
     * whose name and version are split at the last {@code -}.
     */
    static DistributionFilename parse(String filename) {
        if (filename == null || filename.isEmpty()) {
            throw new InvalidDistributionNameException("Invalid distribution filename: it is empty.");
        }
        if (filename.contains("/") || filename.contains("\\")) {
            throw new InvalidDistributionNameException("Invalid distribution filename '" + filename
                    + "': it must be a file name, not a path.");
        }
        if (filename.endsWith(".whl")) {
            return WheelFilename.parse(filename);
        }
        return SdistFilename.parse(filename);
    }

    /**
     * The projects a filename may belong to, most likely first: a wheel names one; a legacy sdist may have hyphens
     * in its name or its version, so every prefix before a hyphen that is a valid name is a candidate.
     */
    static List<ProjectName> candidateProjects(String filename) {
        Set<ProjectName> names = new LinkedHashSet<>();
        try {
            names.add(parse(filename).project());
        } catch (InvalidDistributionNameException e) {
            // not a standard name; the prefixes below may still find the project
        }
        String stem = filename;
        for (String suffix : LEGACY_SDIST_SUFFIXES) {
            if (stem.endsWith(suffix)) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        if (stem.endsWith(".whl")) {
            stem = stem.substring(0, stem.length() - ".whl".length());
        }
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            String prefix = stem.substring(0, dash);
            if (ProjectName.isValid(prefix)) {
                names.add(new ProjectName(prefix));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Parses a filename listed on the page of a known project, as pip does: legacy sdists may have hyphens in their
     * name ({@code zope-interface-1.0.zip}) or version ({@code foo-1.0-1.tar.gz}), which only the project resolves.
     */
    static DistributionFilename parseForProject(String filename, ProjectName project) {
        if (filename != null && filename.endsWith(".whl")) {
            WheelFilename wheel = WheelFilename.parse(filename);
            if (!wheel.project().equals(project)) {
                throw new InvalidDistributionNameException("Wheel '" + filename + "' belongs to project '"
                        + wheel.project() + "', not '" + project + "'.");
            }
            return wheel;
        }
        return SdistFilename.parseForProject(filename, project);
    }
}
