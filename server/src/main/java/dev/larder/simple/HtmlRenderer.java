package dev.larder.simple;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The HTML form of simple pages (PEP 503, with the attributes of PEP 592, 629 and 658/714). */
final class HtmlRenderer {

    private HtmlRenderer() {}

    /** Writes the project list as it streams from {@code listing}. */
    static void root(RootListing listing, Writer out) throws IOException {
        out.write(head("Simple index", SimpleApi.API_VERSION).toString());
        listing.forEach((normalized, display) -> out.write("    <a href=\"" + escape(normalized) + "/\">"
                + escape(display) + "</a><br/>\n"));
        out.write("  </body>\n</html>\n");
    }

    static byte[] project(SimpleProject project) {
        StringBuilder html = head("Links for " + project.name().value(), project.apiVersion());
        html.append("    <h1>Links for ").append(escape(project.name().value())).append("</h1>\n");
        for (SimpleFile file : project.files()) {
            html.append("    <a href=\"").append(escape(file.url()));
            if (file.sha256() != null) {
                html.append("#sha256=").append(file.sha256());
            }
            html.append('"');
            if (file.requiresPython() != null) {
                html.append(" data-requires-python=\"").append(escape(file.requiresPython())).append('"');
            }
            if (file.yanked()) {
                // Always with a value: pip reads a bare attribute as "not yanked" (protocol.md §2.5).
                html.append(" data-yanked=\"").append(escape(file.yankedReason() == null ? "" : file.yankedReason()))
                        .append('"');
            }
            if (file.coreMetadata()) {
                String value = file.coreMetadataSha256() == null ? "true" : "sha256=" + file.coreMetadataSha256();
                // Both names: pip 22.3 to 23.1 only know the older one (PEP 714).
                html.append(" data-core-metadata=\"").append(value).append("\" data-dist-info-metadata=\"")
                        .append(value).append('"');
            }
            html.append('>').append(escape(file.filename())).append("</a><br/>\n");
        }
        return tail(html);
    }

    private static StringBuilder head(String title, String apiVersion) {
        return new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta charset=\"utf-8\">\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"").append(apiVersion)
                .append("\">\n")
                .append("    <title>").append(escape(title)).append("</title>\n")
                .append("  </head>\n  <body>\n");
    }

    private static byte[] tail(StringBuilder html) {
        return html.append("  </body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
