package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Shows which index supplies each file of a project through the current index, and what was hidden.")
final class ExplainCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Parameters(paramLabel = "PROJECT")
    String project;

    @Override
    public void run() {
        String index = root.cli.index();
        JsonNode answer = root.cli.api().get("/" + index + "/+explain/" + ApiClient.segment(project));
        root.cli.show(answer, () -> {
            root.cli.out().println("Resolution order: " + Cli.text(answer, "resolution_order").replace(",", " -> "));
            List<List<String>> files = new ArrayList<>();
            answer.get("files").forEach(f -> files.add(List.of(Cli.text(f, "filename"), Cli.text(f, "version"),
                    Cli.text(f, "from"))));
            root.cli.table(List.of("FILE", "VERSION", "FROM"), files);
            if (!answer.get("hidden").isEmpty()) {
                root.cli.out().println();
                List<List<String>> hidden = new ArrayList<>();
                answer.get("hidden").forEach(h -> hidden.add(List.of(Cli.text(h, "from"), Cli.text(h, "filename"),
                        Cli.text(h, "rule"), Cli.text(h, "detail"))));
                root.cli.table(List.of("HIDDEN FROM", "FILE", "RULE", "WHY"), hidden);
            }
        });
    }
}
