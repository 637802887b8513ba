package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Yanking, un-yanking and removing releases of the current index. */
final class ReleaseCommands {

    private ReleaseCommands() {}

    @Command(name = "yank", mixinStandardHelpOptions = true, description = "Yanks a release (PEP 592): installers skip"
            + " it unless pinned exactly.")
    static final class Yank implements Runnable {
        @ParentCommand
        LarderCommand root;

        @Parameters(paramLabel = "PROJECT==VERSION")
        String release;

        @Option(names = "--reason", description = "Shown by pip when someone installs it anyway.")
        String reason;

        @Override
        public void run() {
            ReleaseSpec spec = ReleaseSpec.parse(release);
            JsonNode answer = root.cli.api().patch(spec.path(root.cli.index()),
                    Map.of("yanked", reason == null ? Boolean.TRUE : reason));
            root.cli.show(answer, () -> root.cli.out().println("Yanked " + spec.project() + " " + spec.version()
                    + " in " + root.cli.index() + "."));
        }
    }

    @Command(name = "unyank", mixinStandardHelpOptions = true, description = "Takes a yank back.")
    static final class Unyank implements Runnable {
        @ParentCommand
        LarderCommand root;

        @Parameters(paramLabel = "PROJECT==VERSION")
        String release;

        @Override
        public void run() {
            ReleaseSpec spec = ReleaseSpec.parse(release);
            JsonNode answer = root.cli.api().patch(spec.path(root.cli.index()), Map.of("yanked", Boolean.FALSE));
            root.cli.show(answer, () -> root.cli.out().println("Un-yanked " + spec.project() + " " + spec.version()
                    + " in " + root.cli.index() + "."));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Deletes a release and its files"
            + " (volatile indexes; root anywhere, and then the filenames can never be used again).")
    static final class Remove implements Runnable {
        @ParentCommand
        LarderCommand root;

        @Parameters(paramLabel = "PROJECT==VERSION")
        String release;

        @Override
        public void run() {
            ReleaseSpec spec = ReleaseSpec.parse(release);
            root.cli.api().delete(spec.path(root.cli.index()));
            root.cli.out().println("Removed " + spec.project() + " " + spec.version() + " from " + root.cli.index()
                    + ".");
        }
    }
}
