package dev.larder.index;

import dev.larder.account.UserName;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads index options as the admin API receives them (JSON, named as devpi names them) onto an
 * {@link IndexConfig}, rejecting with a 400 that names the option anything unknown, of the wrong type, or not
 * applicable to the index's type.
 */
public final class IndexOptions {

    private static final Set<String> BOTH = Set.of("type", "acl_read", "title", "description");
    private static final Set<String> STAGE_ONLY = Set.of("bases", "volatile", "acl_upload", "mirror_whitelist",
            "upstream_min_age");
    private static final Set<String> MIRROR_ONLY = Set.of("mirror_url", "mirror_cache_expiry");

    private IndexOptions() {}

    /** The configuration of a new index of {@code owner}: defaults of SPEC §2, then the options given. */
    public static IndexConfig forNewIndex(UserName owner, Map<String, Object> options) {
        Object type = options.getOrDefault("type", "stage");
        if (!(type instanceof String typeName)) {
            throw invalid("type", "must be \"stage\" or \"mirror\"");
        }
        IndexType indexType;
        try {
            indexType = IndexType.fromWireName(typeName);
        } catch (IllegalArgumentException e) {
            throw invalid("type", "must be \"stage\" or \"mirror\", not \"" + typeName + "\"");
        }
        if (indexType == IndexType.MIRROR && !options.containsKey("mirror_url")) {
            throw invalid("mirror_url", "is required for a mirror index");
        }
        URI placeholder = URI.create("https://placeholder.invalid/simple/");
        IndexConfig defaults = indexType == IndexType.STAGE ? IndexConfig.stage(owner) : IndexConfig.mirror(placeholder);
        return apply(defaults, options);
    }

    /** {@code current} with the options given changed; {@code type} may be repeated but never changed. */
    public static IndexConfig apply(IndexConfig current, Map<String, Object> options) {
        IndexType type = current.type();
        List<IndexName> bases = current.bases();
        boolean volatileIndex = current.volatileIndex();
        List<String> aclUpload = current.aclUpload();
        List<String> aclRead = current.aclRead();
        List<String> whitelist = current.mirrorWhitelist();
        URI mirrorUrl = current.mirrorUrl();
        long cacheExpiry = current.mirrorCacheExpirySeconds();
        long minAge = current.upstreamMinAgeSeconds();
        String title = current.title();
        String description = current.description();
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String name = option.getKey();
            Object value = option.getValue();
            checkApplies(name, type);
            switch (name) {
                case "type" -> {
                    if (!type.wireName().equals(value)) {
                        throw invalid("type", "cannot change: this index is a " + type.wireName()
                                + "; create a new index instead");
                    }
                }
                case "bases" -> bases = strings(name, value).stream().map(base -> indexName(name, base)).toList();
                case "volatile" -> volatileIndex = bool(name, value);
                case "acl_upload" -> aclUpload = principals(name, strings(name, value), false);
                case "acl_read" -> aclRead = principals(name, strings(name, value), true);
                case "mirror_whitelist" -> whitelist = projects(name, strings(name, value));
                case "mirror_url" -> mirrorUrl = url(name, value);
                case "mirror_cache_expiry" -> cacheExpiry = seconds(name, value);
                case "upstream_min_age" -> minAge = seconds(name, value);
                case "title" -> title = text(name, value, 200);
                case "description" -> description = text(name, value, 100_000);
                default -> throw new IllegalStateException("unreachable: " + name);
            }
        }
        try {
            return new IndexConfig(type, bases, volatileIndex, aclUpload, aclRead, whitelist, mirrorUrl, cacheExpiry,
                    minAge, title, description);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }

    /** The options of {@code config} as the API shows them: only those that apply to its type. */
    public static Map<String, Object> describe(IndexName name, IndexConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name.toString());
        out.put("type", config.type().wireName());
        if (config.type() == IndexType.STAGE) {
            out.put("bases", config.bases().stream().map(IndexName::toString).toList());
            out.put("volatile", config.volatileIndex());
            out.put("acl_upload", config.aclUpload());
            out.put("acl_read", config.aclRead());
            out.put("mirror_whitelist", config.mirrorWhitelist());
            out.put("upstream_min_age", config.upstreamMinAgeSeconds());
        } else {
            out.put("mirror_url", config.mirrorUrl().toString());
            out.put("mirror_cache_expiry", config.mirrorCacheExpirySeconds());
            out.put("acl_read", config.aclRead());
        }
        out.put("title", config.title());
        out.put("description", config.description());
        return out;
    }

    private static void checkApplies(String name, IndexType type) {
        boolean applies = BOTH.contains(name)
                || (type == IndexType.STAGE && STAGE_ONLY.contains(name))
                || (type == IndexType.MIRROR && MIRROR_ONLY.contains(name));
        if (applies) {
            return;
        }
        if (STAGE_ONLY.contains(name) || MIRROR_ONLY.contains(name)) {
            throw invalid(name, "does not apply to a " + type.wireName() + " index");
        }
        throw ProblemException.invalid("Unknown index option '" + name + "'. Known options: type, bases, volatile,"
                + " acl_upload, acl_read, mirror_whitelist, mirror_url, mirror_cache_expiry, upstream_min_age,"
                + " title, description.");
    }

    private static ProblemException invalid(String option, String why) {
        return ProblemException.invalid("Index option '" + option + "' " + why + ".");
    }

    private static List<String> strings(String name, Object value) {
        if (value instanceof String single) {
            // devpi's clients send comma-separated strings; accept them too.
            return single.isBlank() ? List.of() : List.of(single.split("\\s*,\\s*"));
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(name, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw invalid(name, "must be a list of strings");
            }
            out.add(s.strip());
        }
        return out;
    }

    private static IndexName indexName(String option, String text) {
        try {
            return IndexName.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(option, "holds '" + text + "', which is not a 'user/index' reference");
        }
    }

    private static List<String> principals(String option, List<String> names, boolean anonymousAllowed) {
        for (String name : names) {
            boolean special = name.equals(IndexConfig.AUTHENTICATED)
                    || (anonymousAllowed && name.equals(IndexConfig.ANONYMOUS));
            if (!special) {
                try {
                    new UserName(name);
                } catch (IllegalArgumentException e) {
                    throw invalid(option, "holds '" + name + "', which is neither a user name nor "
                            + (anonymousAllowed ? ":ANONYMOUS: or " : "") + ":AUTHENTICATED:");
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private static List<String> projects(String option, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals("*")) {
                out.add(name);
            } else if (ProjectName.isValid(name)) {
                out.add(new ProjectName(name).value());
            } else {
                throw invalid(option, "holds '" + name + "', which is neither a project name nor *");
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static boolean bool(String name, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(name, "must be true or false");
    }

    private static long seconds(String name, Object value) {
        long seconds;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            seconds = n.longValue();
        } else if (value instanceof String s && s.matches("\\d{1,12}")) {
            seconds = Long.parseLong(s);
        } else {
            throw invalid(name, "must be a whole number of seconds");
        }
        if (seconds < 0) {
            throw invalid(name, "must be 0 or more seconds");
        }
        return seconds;
    }

    private static URI url(String name, Object value) {
        if (!(value instanceof String s)) {
            throw invalid(name, "must be an http or https URL");
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(name, "must be an http or https URL of a simple index, such as https://pypi.org/simple/");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(name, "is not a URL: " + e.getMessage());
        }
    }

    private static String text(String name, Object value, int maxLength) {
        if (!(value instanceof String s)) {
            throw invalid(name, "must be a string");
        }
        if (s.length() > maxLength) {
            throw invalid(name, "is longer than " + maxLength + " characters");
        }
        return s;
    }
}
