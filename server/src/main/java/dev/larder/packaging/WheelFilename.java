package dev.larder.packaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}; each tag may be a
 * compressed set such as {@code py2.py3}.
 */
public record WheelFilename(String filename, ProjectName project, Version version, String buildTag,
                            String pythonTag, String abiTag, String platformTag) implements DistributionFilename {

    // packaging.utils: the name part is word characters and dots (ASCII only here; names are ASCII by definition).
    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9_.]+");
    private static final Pattern BUILD_TAG = Pattern.compile("([0-9]+)(.*)", Pattern.DOTALL);

    static WheelFilename parse(String filename) {
        String stem = filename.substring(0, filename.length() - ".whl".length());
        String[] parts = stem.split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            throw invalid(filename, "expected name-version(-build)-python-abi-platform.whl");
        }
        String namePart = parts[0];
        if (!NAME_PART.matcher(namePart).matches() || namePart.contains("__")) {
            throw invalid(filename, "the name part '" + namePart + "' is not a valid wheel distribution name");
        }
        ProjectName project = parseName(filename, namePart);
        Version version = parseVersion(filename, parts[1]);
        String build = null;
        if (parts.length == 6) {
            build = parts[2];
            Matcher m = BUILD_TAG.matcher(build);
            if (!m.matches()) {
                throw invalid(filename, "the build tag '" + build + "' must start with a digit");
            }
        }
        int tags = parts.length - 3;
        for (int i = tags; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw invalid(filename, "a compatibility tag is empty");
            }
        }
        return new WheelFilename(filename, project, version, build, parts[tags], parts[tags + 1], parts[tags + 2]);
    }

    private static ProjectName parseName(String filename, String namePart) {
        try {
            return new ProjectName(namePart);
        } catch (InvalidDistributionNameException e) {
            throw invalid(filename, "the name part '" + namePart + "' is not a valid project name");
        }
    }

    private static Version parseVersion(String filename, String versionPart) {
        try {
            return Version.parse(versionPart);
        } catch (InvalidDistributionNameException e) {
            throw invalid(filename, "'" + versionPart + "' is not a PEP 440 version");
        }
    }

    static InvalidDistributionNameException invalid(String filename, String why) {
        return new InvalidDistributionNameException("Invalid wheel filename '" + filename + "': " + why + ".");
    }
}
