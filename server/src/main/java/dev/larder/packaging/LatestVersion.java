package dev.larder.packaging;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The version a project page leads with, as PyPI picks it: the highest that is neither yanked nor a pre-release;
 * failing that the highest not yanked; failing that the highest.
 */
public final class LatestVersion {

    private LatestVersion() {}

    public static Optional<Version> of(Collection<Version> versions, Predicate<Version> yanked) {
        Optional<Version> finalRelease = versions.stream().filter(v -> !yanked.test(v) && !v.isPrerelease())
                .max(Comparator.naturalOrder());
        if (finalRelease.isPresent()) {
            return finalRelease;
        }
        Optional<Version> notYanked = versions.stream().filter(v -> !yanked.test(v)).max(Comparator.naturalOrder());
        return notYanked.isPresent() ? notYanked : versions.stream().max(Comparator.naturalOrder());
    }
}
