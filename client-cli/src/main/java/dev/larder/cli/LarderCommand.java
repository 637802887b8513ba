package dev.larder.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code larder} command. The admin commands (users, indexes, tokens, uploads)
 * arrive with the command-line client issue; until then it answers {@code --help} and {@code --version}.
 */
@Command(
        name = "larder",
        mixinStandardHelpOptions = true,
        versionProvider = LarderCommand.Version.class,
        description = "Administers a Larder Python package index.")
public final class LarderCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return new CommandLine(new LarderCommand()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar manifest, so it never drifts from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LarderCommand.class.getPackage().getImplementationVersion();
            return new String[] {"larder " + (version == null ? "(development build)" : version)};
        }
    }
}
