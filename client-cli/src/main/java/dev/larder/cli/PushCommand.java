package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Copies a release of the current index, with its files, to another stage index.")
final class PushCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Parameters(index = "0", paramLabel = "PROJECT==VERSION")
    String release;

    @Parameters(index = "1", paramLabel = "TARGET_INDEX", description = "user/index")
    String target;

    @Override
    public void run() {
        ReleaseSpec spec = ReleaseSpec.parse(release);
        JsonNode answer = root.cli.api().post(spec.path(root.cli.index()) + "/push", Map.of("target", target));
        root.cli.show(answer, () -> root.cli.out().println("Pushed " + spec.project() + " " + spec.version()
                + " (" + answer.get("files").size() + " files) from " + root.cli.index() + " to " + target + "."));
    }
}
