package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Creates, lists, shows, changes and deletes users.")
final class UserCommand {

    @ParentCommand
    LarderCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a user (root only).")
    void create(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--email") String email,
                @Option(names = "--password-stdin", description = "Read the password from standard input.") boolean stdin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", root.cli.readPassword("Password for " + name + ": ", stdin));
        if (email != null) {
            body.put("email", email);
        }
        JsonNode user = root.cli.api().put("/+api/users/" + ApiClient.segment(name), body);
        root.cli.show(user, () -> root.cli.out().println("Created user " + Cli.text(user, "name") + "."));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users (root only).")
    void list() {
        JsonNode answer = root.cli.api().get("/+api/users");
        root.cli.show(answer, () -> {
            List<List<String>> rows = new ArrayList<>();
            answer.get("users").forEach(u -> rows.add(List.of(Cli.text(u, "name"), Cli.text(u, "email"),
                    Cli.text(u, "created_at"))));
            root.cli.table(List.of("NAME", "EMAIL", "CREATED"), rows);
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user.")
    void show(@Parameters(paramLabel = "NAME") String name) {
        JsonNode user = root.cli.api().get("/+api/users/" + ApiClient.segment(name));
        root.cli.show(user, () -> root.cli.table(List.of("NAME", "EMAIL", "CREATED"),
                List.of(List.of(Cli.text(user, "name"), Cli.text(user, "email"), Cli.text(user, "created_at")))));
    }

    @Command(name = "modify", mixinStandardHelpOptions = true, description = "Changes a user's e-mail.")
    void modify(@Parameters(paramLabel = "NAME") String name, @Option(names = "--email", required = true) String email) {
        JsonNode user = root.cli.api().patch("/+api/users/" + ApiClient.segment(name), Map.of("email", email));
        root.cli.show(user, () -> root.cli.out().println("Changed user " + name + "."));
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Changes a user's password.")
    void passwd(@Parameters(arity = "0..1", paramLabel = "NAME", description = "Default: yourself.") String name,
                @Option(names = "--password-stdin") boolean stdin) {
        String who = name != null ? name : root.cli.configs().effective().user();
        if (who == null) {
            throw CliException.usage("Whose password? Run 'larder user passwd NAME'.");
        }
        String password = root.cli.readPassword("New password for " + who + ": ", stdin);
        root.cli.api().patch("/+api/users/" + ApiClient.segment(who), Map.of("password", password));
        root.cli.out().println("Changed the password of " + who + ".");
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a user (root only).")
    void delete(@Parameters(paramLabel = "NAME") String name) {
        root.cli.api().delete("/+api/users/" + ApiClient.segment(name));
        root.cli.out().println("Deleted user " + name + ".");
    }
}
