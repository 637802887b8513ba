package dev.larder.cli;

import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "pip-config", mixinStandardHelpOptions = true,
        description = "Prints pip.conf, uv and poetry settings for the current index, ready to paste.")
final class PipConfigCommand implements Runnable {

    @ParentCommand
    LarderCommand root;

    @Override
    public void run() {
        Config config = root.cli.configs().effective();
        String index = root.cli.index();
        if (config.url() == null) {
            throw CliException.usage("No server chosen: run 'larder use URL/user/index' first.");
        }
        String simple = config.url() + "/" + index + "/+simple/";
        String host = URI.create(config.url()).getHost();
        String withToken = simple.replace("://", "://__token__:<TOKEN>@");
        root.cli.out().println("""
                # pip: ~/.config/pip/pip.conf (drop the credentials if the index is public)
                [global]
                index-url = %s
                %s
                # uv: pyproject.toml or uv.toml
                [[tool.uv.index]]
                name = "larder"
                url = "%s"
                default = true
                # and in the environment: UV_INDEX_LARDER_USERNAME=__token__ UV_INDEX_LARDER_PASSWORD=<TOKEN>

                # poetry
                poetry source add --priority=primary larder %s
                poetry config http-basic.larder __token__ <TOKEN>

                # twine upload: ~/.pypirc
                [larder]
                repository = %s/%s/
                username = __token__
                password = <TOKEN>

                # <TOKEN>: create one with 'larder token create --index %s --scope read' (or upload)"""
                .formatted(withToken, config.url().startsWith("http:") ? "trusted-host = " + host + "\n" : "",
                        simple, simple, config.url(), index, index));
    }
}
