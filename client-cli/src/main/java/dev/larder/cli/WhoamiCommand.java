package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Shows the server, index and user in use.")
final class WhoamiCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Override
    public void run() {
        Cli cli = root.cli;
        Config config = cli.configs().effective();
        JsonNode me = cli.api().get("/+api/whoami");
        cli.show(me, () -> cli.out().println(Cli.text(me, "user") + " on " + config.url()
                + (config.index() == null ? "" : ", index " + config.index())
                + (me.has("token") ? " (token " + Cli.text(me, "token") + ", scope " + Cli.text(me, "scope")
                + (me.get("indexes").isEmpty() ? "" : ", indexes " + Cli.text(me, "indexes")) + ")" : "")));
    }
}
