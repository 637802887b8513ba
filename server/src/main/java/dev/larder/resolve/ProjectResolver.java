package dev.larder.resolve;

import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectView;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseView;
import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.DistributionFilename;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.Version;
import dev.larder.platform.ProblemException;
import dev.larder.upstream.MirrorFileKeys;
import dev.larder.upstream.MirrorPage;
import dev.larder.upstream.MirrorPages;
import dev.larder.upstream.UpstreamFile;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Merges a project across an index's resolution order (SPEC §4):
 * <ol>
 *   <li>each stage contributes its files, each mirror upstream's;</li>
 *   <li>if any stage in the order has the project (even with every file deleted), mirrors contribute nothing,
 *       unless the requesting index's own {@code mirror_whitelist} names it or {@code *}: inheriting never widens
 *       trust;</li>
 *   <li>of files with the same filename, the first in the order wins;</li>
 *   <li>mirror files younger than the requesting index's {@code upstream_min_age} are left out.</li>
 * </ol>
 */
@Singleton
class ProjectResolver {

    static final String PRIVATE_PROJECT = "private-project";
    static final String SHADOWED_FILENAME = "shadowed-filename";
    static final String COOLDOWN = "cooldown";
    static final String UPSTREAM_UNAVAILABLE = "upstream-unavailable";

    private final Indexes indexes;
    private final Catalog catalog;
    private final MirrorPages mirrors;
    private final Clock clock;

    ProjectResolver(Indexes indexes, Catalog catalog, MirrorPages mirrors, Clock clock) {
        this.indexes = indexes;
        this.catalog = catalog;
        this.mirrors = mirrors;
        this.clock = clock;
    }

    /** The merged project, or empty when no index in the order has it. */
    Optional<MergedProject> resolve(Index index, ProjectName project) {
        List<Index> order = indexes.resolutionOrder(index);
        List<ProjectView> privateViews = new ArrayList<>();
        List<Index> privateIndexes = new ArrayList<>();
        for (Index candidate : order) {
            if (candidate.type() == IndexType.STAGE) {
                catalog.project(candidate, project).ifPresent(view -> {
                    privateViews.add(view);
                    privateIndexes.add(candidate);
                });
            }
        }
        boolean privateName = !privateViews.isEmpty();
        List<String> whitelist = index.config().mirrorWhitelist();
        boolean whitelisted = whitelist.contains("*") || whitelist.contains(project.value());
        Instant now = clock.instant();
        Instant minAgeCutoff = now.minusSeconds(index.config().upstreamMinAgeSeconds());

        List<MergedFile> files = new ArrayList<>();
        Set<String> filenames = new HashSet<>();
        Set<String> versions = new LinkedHashSet<>();
        List<Explanation.Supplied> supplied = new ArrayList<>();
        List<Explanation.Hidden> hidden = new ArrayList<>();
        boolean stale = false;
        boolean anyMirrorHasIt = false;
        Instant validUntil = null;

        for (Index source : order) {
            if (source.type() == IndexType.STAGE) {
                int at = privateIndexes.indexOf(source);
                if (at < 0) {
                    continue;
                }
                for (ReleaseView release : privateViews.get(at).releases()) {
                    versions.add(release.version().toString());
                    for (ReleaseFile file : release.files()) {
                        add(files, filenames, supplied, hidden, source, stageFile(source, file));
                    }
                }
                continue;
            }
            if (privateName && !whitelisted) {
                hidden.add(new Explanation.Hidden(source.name().toString(), null, PRIVATE_PROJECT,
                        "'" + project + "' is a private project of " + names(privateIndexes) + "; upstream files"
                                + " are left out unless index '" + index.name() + "' lists it (or *) in its"
                                + " mirror_whitelist."));
                continue;
            }
            Optional<MirrorPage> page;
            try {
                page = mirrors.project(source, project);
            } catch (ProblemException unavailable) {
                if (!privateName) {
                    throw unavailable; // nothing at all to show: the client must hear why
                }
                hidden.add(new Explanation.Hidden(source.name().toString(), null, UPSTREAM_UNAVAILABLE,
                        unavailable.getMessage()));
                stale = true;
                continue;
            }
            if (page.isEmpty()) {
                continue;
            }
            anyMirrorHasIt = true;
            stale |= page.get().stale();
            validUntil = earliest(validUntil, page.get().freshUntil());
            for (UpstreamFile upstream : page.get().project().files()) {
                if (index.config().upstreamMinAgeSeconds() > 0 && upstream.uploadTime() != null
                        && upstream.uploadTime().isAfter(minAgeCutoff)) {
                    Instant visibleAt = upstream.uploadTime().plusSeconds(index.config().upstreamMinAgeSeconds());
                    hidden.add(new Explanation.Hidden(source.name().toString(), upstream.filename(), COOLDOWN,
                            "uploaded upstream at " + upstream.uploadTime() + ", younger than upstream_min_age ("
                                    + index.config().upstreamMinAgeSeconds() + " s) of '" + index.name()
                                    + "'; shown from " + visibleAt + "."));
                    validUntil = earliest(validUntil, visibleAt);
                    continue;
                }
                MergedFile file = mirrorFile(source, project, upstream);
                if (add(files, filenames, supplied, hidden, source, file) && file.version() != null) {
                    versions.add(file.version());
                }
            }
            for (String version : page.get().project().versions()) {
                versions.add(version);
            }
        }
        if (!privateName && !anyMirrorHasIt) {
            return Optional.empty();
        }
        List<String> sortedVersions = versions.stream().filter(Version::isValid).map(Version::parse).distinct()
                .sorted().map(Version::toString).toList();
        Explanation explanation = new Explanation(order.stream().map(Index::name).toList(), supplied, hidden);
        return Optional.of(new MergedProject(project, files, sortedVersions, stale, validUntil, explanation));
    }

    /** Adds a file unless an earlier index supplied the same filename; answers whether it was added. */
    private static boolean add(List<MergedFile> files, Set<String> filenames, List<Explanation.Supplied> supplied,
                               List<Explanation.Hidden> hidden, Index source, MergedFile file) {
        if (!filenames.add(file.filename())) {
            String winner = supplied.stream().filter(s -> s.filename().equals(file.filename())).findFirst()
                    .map(Explanation.Supplied::from).orElse("an earlier index");
            hidden.add(new Explanation.Hidden(source.name().toString(), file.filename(), SHADOWED_FILENAME,
                    "the same filename comes first from " + winner + "."));
            return false;
        }
        files.add(file);
        supplied.add(new Explanation.Supplied(file.filename(), file.version(), source.name().toString()));
        return true;
    }

    private static MergedFile stageFile(Index source, ReleaseFile file) {
        return new MergedFile(source, file.digests().sha256(), file.filename(), file.version().toString(),
                file.digests().sha256(), file.requiresPython(), file.yanked(),
                file.yanked() ? file.yankedReason() : null, file.hasCoreMetadata(), file.coreMetadataSha256(),
                file.size(), file.uploadTime());
    }

    private static MergedFile mirrorFile(Index source, ProjectName project, UpstreamFile file) {
        String version;
        try {
            version = DistributionFilename.parseForProject(file.filename(), project).version().toString();
        } catch (IllegalArgumentException e) {
            version = null;
        }
        return new MergedFile(source, MirrorFileKeys.keyOf(file), file.filename(), version, file.sha256(),
                file.requiresPython(), file.yanked(), file.yanked() ? file.yankedReason() : null,
                file.coreMetadata(), file.coreMetadataSha256(), file.size(), file.uploadTime());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static String names(List<Index> indexes) {
        return String.join(", ", indexes.stream().map(Index::name).map(IndexName::toString).toList());
    }
}
