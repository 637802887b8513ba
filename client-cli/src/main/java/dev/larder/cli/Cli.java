package dev.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every command works with: the environment, the terminal, the stored settings and the server. One instance
 * per run; tests make their own with their own environment and streams.
 */
final class Cli {

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ConfigStore configs;
    boolean jsonOutput;
    boolean debug;

    Cli(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, Console console) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
        this.configs = new ConfigStore(env, json);
    }

    static Cli forThisProcess() {
        return new Cli(System.getenv(), System.in, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.console());
    }

    ObjectMapper json() {
        return json;
    }

    ConfigStore configs() {
        return configs;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Map<String, String> env() {
        return env;
    }

    boolean onTerminal() {
        return console != null;
    }

    /** The server, authenticated with the stored (or {@code LARDER_TOKEN}) token if there is one. */
    ApiClient api() {
        Config config = configs.effective();
        if (config.url() == null) {
            throw CliException.usage("No server chosen: run 'larder use URL' first (or set LARDER_URL).");
        }
        return new ApiClient(config.url(), config.token() == null ? null : "Bearer " + config.token(), json);
    }

    /** The current index, {@code user/index}. */
    String index() {
        String index = configs.effective().index();
        if (index == null) {
            throw CliException.usage("No index chosen: run 'larder use URL/user/index' (or set LARDER_INDEX).");
        }
        return index;
    }

    /** A password: without echo on a terminal, else one line of standard input. */
    String readPassword(String prompt, boolean fromStdin) {
        if (!fromStdin && console != null) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw CliException.usage("No password given.");
            }
            return new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw CliException.usage("No password on standard input.");
            }
            return line;
        } catch (IOException e) {
            throw CliException.usage("Cannot read the password: " + e.getMessage());
        }
    }

    /** Prints the server's JSON with {@code --json}; otherwise what {@code human} prints. */
    void show(JsonNode answer, Runnable human) {
        if (jsonOutput) {
            try {
                out.println(json.writeValueAsString(answer));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            human.run();
        }
    }

    /** Aligned columns, for people. */
    void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i) == null ? 0 : row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i);
                line.append(i + 1 < row.size() ? String.format("%-" + widths[i] + "s  ", cell) : cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }
}
