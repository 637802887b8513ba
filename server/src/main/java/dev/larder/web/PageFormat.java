package dev.larder.web;

import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.packaging.ProjectName;
import dev.larder.simple.FileUrls;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages spell sizes, times and the URLs of indexes, projects and versions. */
final class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB"};

    private PageFormat() {}

    /** Decimal units, as PyPI shows them. */
    static String size(Long bytes) {
        if (bytes == null) {
            return "unknown";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    static String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
    }

    static String indexUrl(IndexName index) {
        return "/" + index + "/";
    }

    static String projectUrl(IndexName index, ProjectName project) {
        return indexUrl(index) + project.value() + "/";
    }

    static String versionUrl(IndexName index, ProjectName project, String version) {
        return projectUrl(index, project) + FileUrls.encodePathSegment(version) + "/";
    }

    static IndexCard card(Index index) {
        IndexConfig config = index.config();
        return new IndexCard(index.name().toString(), indexUrl(index.name()), index.type().wireName(),
                config.title(), config.description(), config.bases().stream().map(IndexName::toString).toList(),
                index.type() == IndexType.MIRROR ? config.mirrorUrl().toString() : null,
                config.aclRead().contains(IndexConfig.ANONYMOUS));
    }
}
