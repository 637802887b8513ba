package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Creates, lists and revokes API tokens.")
final class TokenCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd]?)");

    @ParentCommand
    LarderCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token for you; its secret is shown this once.")
    void create(@Option(names = "--index", split = ",", description = "Only these indexes (user/index,...).") List<String> indexes,
                @Option(names = "--scope", defaultValue = "upload", description = "read or upload (default).") String scope,
                @Option(names = "--expires", description = "e.g. 3600, 90m, 12h, 30d") String expires,
                @Option(names = "--description") String description,
                @Option(names = "--password-stdin", description = "Log in with the password from standard input"
                        + " instead of the stored token (tokens cannot create tokens).") boolean stdin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope);
        if (indexes != null) {
            body.put("indexes", indexes);
        }
        if (expires != null) {
            body.put("expires_in", seconds(expires));
        }
        if (description != null) {
            body.put("description", description);
        }
        Config config = root.cli.configs().effective();
        if (config.user() == null) {
            throw CliException.usage("Log in first: tokens are created with your password.");
        }
        String password = root.cli.readPassword("Password for " + config.user() + ": ", stdin);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((config.user() + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ApiClient api = new ApiClient(root.cli.api().base(), basic, root.cli.json());
        JsonNode token = api.post("/+api/tokens", body);
        root.cli.show(token, () -> {
            root.cli.out().println("Token " + Cli.text(token, "id") + " (scope " + Cli.text(token, "scope")
                    + (token.hasNonNull("indexes") ? ", indexes " + Cli.text(token, "indexes") : "")
                    + (token.hasNonNull("expires_at") ? ", expires " + Cli.text(token, "expires_at") : "") + "):");
            root.cli.out().println(Cli.text(token, "token"));
            root.cli.out().println("It is shown only now; use it as password with user name __token__.");
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your tokens (without secrets).")
    void list() {
        JsonNode answer = root.cli.api().get("/+api/tokens");
        root.cli.show(answer, () -> {
            List<List<String>> rows = new ArrayList<>();
            answer.get("tokens").forEach(t -> rows.add(List.of(Cli.text(t, "id"), Cli.text(t, "user"),
                    Cli.text(t, "scope"), Cli.text(t, "indexes"), Cli.text(t, "expires_at"),
                    t.hasNonNull("revoked_at") ? "revoked" : "active", Cli.text(t, "description"))));
            root.cli.table(List.of("ID", "USER", "SCOPE", "INDEXES", "EXPIRES", "STATE", "DESCRIPTION"), rows);
        });
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token.")
    void revoke(@Parameters(paramLabel = "ID") String id) {
        root.cli.api().delete("/+api/tokens/" + ApiClient.segment(id));
        root.cli.out().println("Revoked token " + id + ".");
    }

    static long seconds(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw CliException.usage("'" + text + "' is not a duration: use seconds, or 90m, 12h, 30d.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86_400;
            default -> n;
        };
    }
}
