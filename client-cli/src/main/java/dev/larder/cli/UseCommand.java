package dev.larder.cli;

import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "use", mixinStandardHelpOptions = true,
        description = "Chooses the server, and optionally the current index: URL or URL/user/index.")
final class UseCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Parameters(paramLabel = "URL[/user/index]", description = "e.g. https://larder.company/team/dev")
    String target;

    @Override
    public void run() {
        URI uri = URI.create(target.strip());
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw CliException.usage("'" + target + "' is not an http(s) URL.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        path = path.replaceAll("/\\+simple$", "");
        String[] parts = path.isEmpty() ? new String[0] : path.split("/");
        if (parts.length != 0 && parts.length != 2) {
            throw CliException.usage("Expected URL or URL/user/index, got '" + target + "'.");
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String index = parts.length == 2 ? parts[0] + "/" + parts[1] : root.cli.configs().stored().index();
        root.cli.configs().save(root.cli.configs().stored().withServer(base, index));
        root.cli.out().println("Using " + base + (index == null ? "" : ", index " + index));
    }
}
