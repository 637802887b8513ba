package dev.larder.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a description becomes; the browser test checks the same on a real page's DOM. */
class DescriptionRendererTest {

    @Test
    void markdownIsRenderedWithTablesAndFencedCode() {
        Description description = DescriptionRenderer.render("""
                # Title

                | a | b |
                |:-:|---|
                | 1 | 2 |

                ```python
                print("hi")
                ```
                """, "text/markdown; charset=UTF-8; variant=GFM");
        assertThat(description.text()).isNull();
        assertThat(description.html()).contains("<h3>Title</h3>").contains("<table>")
                .contains("<th align=\"center\">a</th>")
                .contains("<code class=\"language-python\">print(&#34;hi&#34;)");
    }

    @Test
    void linksKeepSafeTargetsOnlyAndImagesOnlyHttp() {
        String html = DescriptionRenderer.render("[docs](https://example.org/docs) [mail](mailto:a@example.org)"
                + " [bad](javascript:alert(1)) [rel](../other) ![pic](https://example.org/p.png)"
                + " ![local](p.png) <img src=\"data:image/png;base64,AAAA\">", "text/markdown").html();
        assertThat(html).contains("href=\"https://example.org/docs\"").contains("href=\"mailto:a&#64;example.org\"")
                .contains("href=\"../other\"").contains("rel=\"nofollow noopener noreferrer\"")
                .contains("src=\"https://example.org/p.png\"")
                .doesNotContain("javascript").doesNotContain("src=\"p.png\"").doesNotContain("data:");
    }

    @Test
    void restructuredTextAndPlainTextAreShownAsWritten() {
        Description rst = DescriptionRenderer.render("Title\n=====\n\n<b>not bold</b>", "text/x-rst");
        assertThat(rst.html()).isNull();
        assertThat(rst.text()).isEqualTo("Title\n=====\n\n<b>not bold</b>");
        assertThat(DescriptionRenderer.render("plain", null).text()).isEqualTo("plain");
        assertThat(DescriptionRenderer.render("  \n", "text/markdown")).isEqualTo(new Description(null, null));
    }
}
