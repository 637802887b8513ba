package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the projects of the current index, or the releases and files of one project.")
final class ListCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Parameters(arity = "0..1", paramLabel = "PROJECT")
    String project;

    @Override
    public void run() {
        ApiClient api = root.cli.api();
        String index = root.cli.index();
        if (project == null) {
            JsonNode answer = api.get("/+api/indexes/" + index + "/projects");
            root.cli.show(answer, () -> answer.get("projects").forEach(p -> root.cli.out().println(p.asText())));
            return;
        }
        JsonNode answer = api.get("/+api/indexes/" + index + "/projects/" + ApiClient.segment(project));
        root.cli.show(answer, () -> {
            List<List<String>> rows = new ArrayList<>();
            answer.get("versions").forEach(release -> {
                JsonNode yanked = release.get("yanked");
                String state = yanked.isBoolean() ? (yanked.asBoolean() ? "yanked" : "") : "yanked: " + yanked.asText();
                release.get("files").forEach(file -> rows.add(List.of(Cli.text(release, "version"),
                        Cli.text(file, "filename"), Cli.text(file, "size"), Cli.text(file, "from"), state)));
            });
            root.cli.table(List.of("VERSION", "FILE", "SIZE", "FROM", "STATE"), rows);
        });
    }
}
