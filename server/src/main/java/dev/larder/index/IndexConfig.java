package dev.larder.index;

import dev.larder.account.UserName;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The options of an index (SPEC §2, named as devpi names them). Options that do not apply to the type keep their
 * defaults and are not shown for it.
 *
 * @param mirrorCacheExpirySeconds how long a fetched upstream page is fresh (mirrors)
 * @param upstreamMinAgeSeconds upstream files younger than this are hidden (stages)
 */
public record IndexConfig(
        IndexType type,
        List<IndexName> bases,
        boolean volatileIndex,
        List<String> aclUpload,
        List<String> aclRead,
        List<String> mirrorWhitelist,
        URI mirrorUrl,
        long mirrorCacheExpirySeconds,
        long upstreamMinAgeSeconds,
        String title,
        String description) {

    public static final String ANONYMOUS = ":ANONYMOUS:";
    public static final String AUTHENTICATED = ":AUTHENTICATED:";
    public static final long DEFAULT_MIRROR_CACHE_EXPIRY_SECONDS = 1800;

    public IndexConfig {
        bases = List.copyOf(bases);
        aclUpload = List.copyOf(aclUpload);
        aclRead = List.copyOf(aclRead);
        mirrorWhitelist = List.copyOf(mirrorWhitelist);
        if (type == IndexType.MIRROR) {
            if (!bases.isEmpty()) {
                throw new IllegalArgumentException("A mirror index has no bases; it reads only its mirror_url.");
            }
            requireHttpUrl(mirrorUrl);
        } else if (mirrorUrl != null) {
            throw new IllegalArgumentException("mirror_url applies only to mirror indexes.");
        }
        if (mirrorCacheExpirySeconds < 0 || upstreamMinAgeSeconds < 0) {
            throw new IllegalArgumentException("mirror_cache_expiry and upstream_min_age are whole seconds, 0 or more.");
        }
    }

    /** A stage index with the defaults of SPEC §2: only its owner uploads, anyone reads. */
    public static IndexConfig stage(UserName owner) {
        return new IndexConfig(IndexType.STAGE, List.of(), false, List.of(owner.value()), List.of(ANONYMOUS),
                List.of(), null, DEFAULT_MIRROR_CACHE_EXPIRY_SECONDS, 0, "", "");
    }

    /** A mirror of {@code upstream} with the defaults of SPEC §2. */
    public static IndexConfig mirror(URI upstream) {
        return new IndexConfig(IndexType.MIRROR, List.of(), false, List.of(), List.of(ANONYMOUS), List.of(),
                upstream, DEFAULT_MIRROR_CACHE_EXPIRY_SECONDS, 0, "", "");
    }

    public IndexConfig withBases(List<IndexName> newBases) {
        return new IndexConfig(type, newBases, volatileIndex, aclUpload, aclRead, mirrorWhitelist, mirrorUrl,
                mirrorCacheExpirySeconds, upstreamMinAgeSeconds, title, description);
    }

    private static void requireHttpUrl(URI url) {
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("mirror_url '" + url + "' must be an http or https URL of a simple"
                    + " index, such as https://pypi.org/simple/.");
        }
    }
}
