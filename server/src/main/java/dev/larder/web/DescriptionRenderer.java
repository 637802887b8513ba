package dev.larder.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a description into what a page may show. Markdown ({@code text/markdown}, GitHub tables and fenced code)
 * is rendered with commonmark, raw HTML in it included, and the result is then sanitised: only the elements a
 * README needs survive (its headings two levels down, below the page's own); no scripts, styles, event handlers or
 * forms; links only to http(s), mailto or relative URLs; images only over http(s). Anyone who may upload writes
 * these descriptions, so nothing of them is trusted.
 */
final class DescriptionRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true)
            .build();
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s]+");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            // The description sits under the page's own h1 and h2: its headings move two levels down.
            .allowElements((name, attributes) -> "h3", "h1")
            .allowElements((name, attributes) -> "h4", "h2")
            .allowElements((name, attributes) -> "h5", "h3")
            .allowElements((name, attributes) -> "h6", "h4", "h5", "h6")
            .allowElements("p", "div", "span", "br", "hr", "blockquote", "pre",
                    "code", "kbd", "samp", "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small",
                    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "caption", "a", "img", "details", "summary", "picture")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("src").matching(HTTP_URL).onElements("img")
            .allowAttributes("alt", "title", "width", "height").onElements("img")
            .allowAttributes("align").matching(ALIGN).onElements("p", "div", "th", "td", "img", "h1", "h2", "h3")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .toFactory();

    private DescriptionRenderer() {}

    static Description render(String description, String contentType) {
        if (description == null || description.isBlank()) {
            return Description.NONE;
        }
        if (isMarkdown(contentType)) {
            return new Description(sanitize(RENDERER.render(PARSER.parse(description))), null);
        }
        return new Description(null, description);
    }

    private static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    private static boolean isMarkdown(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("text/markdown");
    }
}
