package dev.larder.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code larder}: administers a Larder index server through its admin API (SPEC §9). */
@Command(
        name = "larder",
        mixinStandardHelpOptions = true,
        versionProvider = LarderCommand.Version.class,
        description = "Administers a Larder Python package index: users, indexes, tokens, uploads and releases.",
        subcommands = {
            UseCommand.class, LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, UserCommand.class,
            IndexCommand.class, TokenCommand.class, UploadCommand.class, ListCommand.class, ReleaseCommands.Yank.class,
            ReleaseCommands.Unyank.class, ReleaseCommands.Remove.class, PushCommand.class, ExplainCommand.class,
            PipConfigCommand.class, AutoComplete.GenerateCompletion.class})
public final class LarderCommand implements Runnable {

    final Cli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the server's JSON, for scripts.")
    void json(boolean on) {
        cli.jsonOutput = on;
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of failures.")
    void debug(boolean on) {
        cli.debug = on;
    }

    LarderCommand(Cli cli) {
        this.cli = cli;
    }

    public static void main(String[] args) {
        System.exit(execute(Cli.forThisProcess(), args));
    }

    static int execute(String... args) {
        return execute(Cli.forThisProcess(), args);
    }

    /** Runs one command line; answers the exit code: 0, 1 refused by the server, 2 usage, 3 connection. */
    static int execute(Cli cli, String... args) {
        CommandLine line = new CommandLine(new LarderCommand(cli));
        line.setOut(cli.out());
        line.setErr(cli.err());
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (cli.debug) {
                exception.printStackTrace(commandLine.getErr());
            }
            if (exception instanceof CliException failure) {
                commandLine.getErr().println(failure.getMessage());
                return failure.exitCode();
            }
            commandLine.getErr().println("larder: " + exception);
            return CliException.REFUSED;
        });
        return line.execute(args);
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
