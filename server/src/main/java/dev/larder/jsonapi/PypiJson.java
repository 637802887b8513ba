package dev.larder.jsonapi;

import dev.larder.catalog.ProjectView;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseMetadata;
import dev.larder.catalog.ReleaseView;
import dev.larder.simple.FileUrls;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of PyPI's JSON API (protocol.md §5) for one project of an index, as Renovate, dashboards and mirrors
 * of this index read it. Unknown metadata is null, as on PyPI.
 */
final class PypiJson {

    private static final DateTimeFormatter NO_ZONE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PypiJson() {}

    /**
     * PyPI's "latest": releases not yanked first, then final releases before pre-releases, then the highest
     * version. A project without releases has none.
     */
    static Optional<ReleaseView> latest(ProjectView project) {
        return project.releases().stream().max(Comparator
                .comparing((ReleaseView r) -> !r.yanked())
                .thenComparing(r -> !r.version().isPrerelease())
                .thenComparing(ReleaseView::version));
    }

    /** A monotonic stand-in for PyPI's serial: the newest upload, in seconds. */
    static long lastSerial(ProjectView project) {
        return project.files().mapToLong(file -> file.uploadTime().getEpochSecond()).max().orElse(0);
    }

    static Map<String, Object> project(ProjectView project, ReleaseView release, String baseUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("info", info(project, release, baseUrl));
        body.put("last_serial", lastSerial(project));
        Map<String, Object> releases = new LinkedHashMap<>();
        project.releases().stream().sorted(Comparator.comparing(ReleaseView::version).reversed())
                .forEach(r -> releases.put(r.version().toString(), files(r, baseUrl)));
        body.put("releases", releases);
        body.put("urls", files(release, baseUrl));
        body.put("vulnerabilities", List.of());
        return body;
    }

    static Map<String, Object> release(ProjectView project, ReleaseView release, String baseUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("info", info(project, release, baseUrl));
        body.put("last_serial", lastSerial(project));
        body.put("urls", files(release, baseUrl));
        body.put("vulnerabilities", List.of());
        return body;
    }

    private static Map<String, Object> info(ProjectView project, ReleaseView release, String baseUrl) {
        ReleaseMetadata metadata = release.metadata();
        Map<String, List<String>> other = metadata.other();
        String projectUrl = baseUrl + "/+simple/" + project.name().value() + "/";
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", project.displayName());
        info.put("version", release.version().toString());
        info.put("summary", metadata.summary());
        info.put("description", metadata.description());
        info.put("description_content_type", metadata.descriptionContentType());
        info.put("keywords", first(other, "Keywords"));
        info.put("license", first(other, "License"));
        info.put("license_expression", first(other, "License-Expression"));
        info.put("license_files", listOrNull(other, "License-File"));
        info.put("classifiers", other.getOrDefault("Classifier", List.of()));
        info.put("author", first(other, "Author"));
        info.put("author_email", first(other, "Author-email"));
        info.put("maintainer", first(other, "Maintainer"));
        info.put("maintainer_email", first(other, "Maintainer-email"));
        info.put("requires_python", metadata.requiresPython());
        info.put("platform", first(other, "Platform"));
        info.put("requires_dist", metadata.requiresDist().isEmpty() ? null : metadata.requiresDist());
        info.put("provides_extra", listOrNull(other, "Provides-Extra"));
        info.put("project_urls", projectUrls(other));
        info.put("home_page", first(other, "Home-page"));
        info.put("download_url", first(other, "Download-URL"));
        info.put("docs_url", null);
        info.put("package_url", projectUrl);
        info.put("project_url", projectUrl);
        info.put("release_url", baseUrl + "/pypi/" + project.name().value() + "/" + release.version() + "/json");
        info.put("yanked", release.yanked());
        info.put("yanked_reason", release.yanked() ? release.yankedReason() : null);
        info.put("dynamic", listOrNull(other, "Dynamic"));
        info.put("bugtrack_url", null);
        info.put("downloads", Map.of("last_day", -1, "last_week", -1, "last_month", -1));
        return info;
    }

    private static List<Map<String, Object>> files(ReleaseView release, String baseUrl) {
        return release.files().stream().map(file -> file(file, baseUrl)).toList();
    }

    private static Map<String, Object> file(ReleaseFile file, String baseUrl) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filename", file.filename());
        out.put("packagetype", file.packagetype());
        out.put("python_version", file.pythonVersion());
        out.put("url", baseUrl + "/+f/" + file.digests().sha256() + "/"
                + FileUrls.encodePathSegment(file.filename()));
        out.put("size", file.size());
        Map<String, Object> digests = new LinkedHashMap<>();
        digests.put("md5", file.digests().md5());
        digests.put("sha256", file.digests().sha256());
        digests.put("blake2b_256", file.digests().blake2b256());
        out.put("digests", digests);
        out.put("md5_digest", file.digests().md5());
        out.put("upload_time", NO_ZONE.format(file.uploadTime()));
        out.put("upload_time_iso_8601", ISO_MICROS.format(file.uploadTime().truncatedTo(ChronoUnit.MICROS)));
        out.put("requires_python", file.requiresPython());
        out.put("yanked", file.yanked());
        out.put("yanked_reason", file.yanked() ? file.yankedReason() : null);
        out.put("comment_text", file.comment());
        out.put("core-metadata", file.coreMetadataSha256() == null ? Boolean.FALSE
                : Map.of("sha256", file.coreMetadataSha256()));
        out.put("has_sig", false);
        out.put("downloads", -1);
        return out;
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<String> listOrNull(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values;
    }

    /** {@code Project-URL: Label, https://...} lines as {@code {"Label": "https://..."}}. */
    private static Map<String, String> projectUrls(Map<String, List<String>> fields) {
        List<String> lines = fields.get("Project-URL");
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String line : lines) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                urls.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
            }
        }
        return urls;
    }
}
