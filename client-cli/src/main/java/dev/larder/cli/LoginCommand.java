package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Trades the password, once, for an upload token; only the token is stored. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Logs in: asks the password (without echo) and keeps a token, never the password.")
final class LoginCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Parameters(arity = "0..1", paramLabel = "USER", description = "Default: the user logged in before.")
    String user;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Override
    public void run() {
        Cli cli = root.cli;
        Config stored = cli.configs().stored();
        String name = user != null ? user : stored.user();
        if (name == null) {
            throw CliException.usage("Which user? Run 'larder login USER'.");
        }
        String password = cli.readPassword("Password for " + name + ": ", passwordStdin);
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        ApiClient api = new ApiClient(cli.configs().effective().url() == null ? requireUrl()
                : cli.configs().effective().url(), basic, cli.json());
        JsonNode token = api.post("/+api/tokens", Map.of("scope", "upload",
                "description", "larder CLI login from " + hostName()));
        cli.configs().save(stored.withLogin(name, token.get("token").asText(), token.get("id").asText()));
        cli.out().println("Logged in as " + name + " (token " + token.get("id").asText() + ").");
    }

    private static String requireUrl() {
        throw CliException.usage("No server chosen: run 'larder use URL' first.");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
