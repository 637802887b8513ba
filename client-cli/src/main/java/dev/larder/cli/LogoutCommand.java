package dev.larder.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Revokes the stored token on the server and forgets it.")
final class LogoutCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Override
    public void run() {
        Cli cli = root.cli;
        Config stored = cli.configs().stored();
        if (stored.token() == null) {
            cli.out().println("Not logged in.");
            return;
        }
        if (stored.tokenId() != null) {
            try {
                cli.api().delete("/+api/tokens/" + stored.tokenId());
            } catch (CliException e) {
                if (e.exitCode() == CliException.CONNECTION) {
                    throw e; // keep the token, so a later logout can still revoke it
                }
            }
        }
        cli.configs().save(stored.withLogin(stored.user(), null, null));
        cli.out().println("Logged out.");
    }
}
