package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Index options are given as {@code key=value}; list options also as {@code key+=x} and {@code key-=x}. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Creates, lists, shows, changes and deletes indexes.")
final class IndexCommand {

    static final Set<String> LIST_OPTIONS = Set.of("bases", "acl_upload", "acl_read", "mirror_whitelist");

    @ParentCommand
    LarderCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates an index: NAME is user/index, or index in your own namespace.")
    void create(@Parameters(index = "0", paramLabel = "NAME") String name,
                @Option(names = "--type", description = "stage (default) or mirror") String type,
                @Option(names = "--bases", split = ",", description = "user/index,...") List<String> bases,
                @Option(names = "--volatile", description = "Files may be overwritten and deleted.") boolean volatileIndex,
                @Parameters(index = "1..*", paramLabel = "key=value", description = "More options, e.g. acl_upload=a,b")
                List<String> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (type != null) {
            body.put("type", type);
        }
        if (bases != null) {
            body.put("bases", bases);
        }
        if (volatileIndex) {
            body.put("volatile", true);
        }
        for (String option : options == null ? List.<String>of() : options) {
            String[] kv = split(option, "=");
            body.put(kv[0], value(kv[0], kv[1]));
        }
        JsonNode index = root.cli.api().put("/+api/indexes/" + qualified(name), body);
        root.cli.show(index, () -> {
            root.cli.out().println("Created index " + Cli.text(index, "name") + ".");
            describe(index);
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the indexes you may read.")
    void list() {
        JsonNode answer = root.cli.api().get("/+api/indexes");
        root.cli.show(answer, () -> {
            List<List<String>> rows = new ArrayList<>();
            answer.get("indexes").forEach(i -> rows.add(List.of(Cli.text(i, "name"), Cli.text(i, "type"),
                    i.has("bases") ? Cli.text(i, "bases") : Cli.text(i, "mirror_url"), Cli.text(i, "volatile"))));
            root.cli.table(List.of("NAME", "TYPE", "BASES / MIRROR", "VOLATILE"), rows);
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows an index's options.")
    void show(@Parameters(arity = "0..1", paramLabel = "NAME", description = "Default: the current index.") String name) {
        JsonNode index = root.cli.api().get("/+api/indexes/" + (name == null ? root.cli.index() : qualified(name)));
        root.cli.show(index, () -> describe(index));
    }

    @Command(name = "modify", mixinStandardHelpOptions = true,
            description = "Changes options: key=value, and for lists key+=item or key-=item.")
    void modify(@Parameters(index = "0", paramLabel = "NAME") String name,
                @Parameters(index = "1..*", arity = "1..*", paramLabel = "key=value") List<String> options) {
        String path = "/+api/indexes/" + qualified(name);
        Map<String, Object> body = new LinkedHashMap<>();
        JsonNode current = null;
        for (String option : options) {
            if (option.contains("+=") || option.contains("-=")) {
                boolean add = option.contains("+=");
                String[] kv = split(option, add ? "+=" : "-=");
                if (!LIST_OPTIONS.contains(kv[0])) {
                    throw CliException.usage("'" + kv[0] + "' is not a list option; use " + kv[0] + "=value.");
                }
                if (current == null) {
                    current = root.cli.api().get(path);
                }
                @SuppressWarnings("unchecked")
                Set<String> items = body.containsKey(kv[0]) ? new LinkedHashSet<>((List<String>) body.get(kv[0]))
                        : new LinkedHashSet<>(List.of(Cli.text(current, kv[0]).isEmpty() ? new String[0]
                        : Cli.text(current, kv[0]).split(",")));
                for (String item : kv[1].split(",")) {
                    if (add) {
                        items.add(item.strip());
                    } else {
                        items.remove(item.strip());
                    }
                }
                body.put(kv[0], new ArrayList<>(items));
            } else {
                String[] kv = split(option, "=");
                body.put(kv[0], value(kv[0], kv[1]));
            }
        }
        JsonNode index = root.cli.api().patch(path, body);
        root.cli.show(index, () -> describe(index));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an index and its uploads.")
    void delete(@Parameters(paramLabel = "NAME") String name) {
        root.cli.api().delete("/+api/indexes/" + qualified(name));
        root.cli.out().println("Deleted index " + qualified(name) + ".");
    }

    private void describe(JsonNode index) {
        List<List<String>> rows = new ArrayList<>();
        index.fields().forEachRemaining(field -> rows.add(List.of(field.getKey(), Cli.text(index, field.getKey()))));
        root.cli.table(List.of("OPTION", "VALUE"), rows);
    }

    /** {@code index} alone means an index of the logged-in user. */
    private String qualified(String name) {
        if (name.contains("/")) {
            return name;
        }
        String user = root.cli.configs().effective().user();
        if (user == null) {
            throw CliException.usage("Give the index as user/index, or log in first.");
        }
        return user + "/" + name;
    }

    private static String[] split(String option, String separator) {
        int at = option.indexOf(separator);
        if (at <= 0) {
            throw CliException.usage("Expected key" + separator + "value, got '" + option + "'.");
        }
        return new String[] {option.substring(0, at).strip(), option.substring(at + separator.length()).strip()};
    }

    /** Lists split on commas; true/false and whole numbers as such; everything else a string. */
    static Object value(String key, String text) {
        if (LIST_OPTIONS.contains(key)) {
            return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("\\d{1,12}")) {
            return Long.parseLong(text);
        }
        return text;
    }
}
