package dev.larder.packaging;

/** A source distribution's filename: {@code {name}-{version}.tar.gz} (PEP 625) or one of the legacy archive forms. */
public record SdistFilename(String filename, ProjectName project, Version version, String suffix)
        implements DistributionFilename {

    static SdistFilename parse(String filename) {
        String suffix = filename.endsWith(".tar.gz") ? ".tar.gz" : filename.endsWith(".zip") ? ".zip" : null;
        if (suffix == null) {
            throw invalid(filename, "a distribution must be a wheel (.whl) or an sdist (.tar.gz or .zip)");
        }
        String stem = filename.substring(0, filename.length() - suffix.length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw invalid(filename, "expected {name}-{version}" + suffix);
        }
        ProjectName project;
        try {
            project = new ProjectName(stem.substring(0, dash));
        } catch (InvalidDistributionNameException e) {
            throw invalid(filename, "'" + stem.substring(0, dash) + "' is not a valid project name");
        }
        return new SdistFilename(filename, project, versionOf(filename, stem.substring(dash + 1)), suffix);
    }

    static SdistFilename parseForProject(String filename, ProjectName project) {
        String suffix = filename == null ? null : DistributionFilename.LEGACY_SDIST_SUFFIXES.stream()
                .filter(filename::endsWith).findFirst().orElse(null);
        if (suffix == null) {
            throw invalid(filename, "not a wheel or a source archive pip can install");
        }
        String stem = filename.substring(0, filename.length() - suffix.length());
        for (int dash = stem.indexOf('-'); dash >= 0; dash = stem.indexOf('-', dash + 1)) {
            String name = stem.substring(0, dash);
            if (ProjectName.isValid(name) && new ProjectName(name).equals(project)) {
                return new SdistFilename(filename, project, versionOf(filename, stem.substring(dash + 1)), suffix);
            }
        }
        throw invalid(filename, "its name does not start with project '" + project + "' followed by '-'");
    }

    private static Version versionOf(String filename, String versionPart) {
        try {
            return Version.parse(versionPart);
        } catch (InvalidDistributionNameException e) {
            throw invalid(filename, "'" + versionPart + "' is not a PEP 440 version");
        }
    }

    private static InvalidDistributionNameException invalid(String filename, String why) {
        return new InvalidDistributionNameException("Invalid source distribution filename '" + filename + "': "
                + why + ".");
    }
}
