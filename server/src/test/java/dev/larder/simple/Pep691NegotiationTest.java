package dev.larder.simple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PEP 691 content negotiation: protocol.md §2.2 and §10 rows 8-22. */
class Pep691NegotiationTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final String HTML = "application/vnd.pypi.simple.v1+html";
    private static final String PIP = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;"
            + " q=0.1, text/html; q=0.01";
    private static final String UV = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2,"
            + " text/html;q=0.01";
    private static final String POETRY = "application/vnd.pypi.simple.v1+json, */*;q=0.1";

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void startServer(@TempDir Path dist) throws Exception {
        server = TestServer.start();
        http = new Http(server.uri());
        Larder larder = new Larder(http);
        String team = larder.user("team");
        larder.index(team, "team/dev", "{}");
        Path wheel = Distribution.of("negotiated", "1.0").wheel(dist);
        assertThat(larder.upload("team/dev", team, Multipart.twineLike(wheel, "negotiated", "1.0")).statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String contentTypeFor(String accept) {
        HttpResponse<String> response = accept == null ? http.get("/team/dev/+simple/negotiated/")
                : http.get("/team/dev/+simple/negotiated/", "Accept", accept);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Content-Type").orElseThrow();
    }

    @Test
    void row08_noAcceptHeaderGetsTextHtml() {
        assertThat(contentTypeFor(null)).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void row09_anyTypeGetsTextHtml() {
        assertThat(contentTypeFor("*/*")).startsWith("text/html");
    }

    @Test
    void row10_pipsAcceptStringGetsJson() {
        assertThat(contentTypeFor(PIP)).isEqualTo(JSON);
    }

    @Test
    void row11_uvsAcceptStringGetsJson() {
        assertThat(contentTypeFor(UV)).isEqualTo(JSON);
    }

    @Test
    void row12_poetrysAcceptStringGetsJson() {
        assertThat(contentTypeFor(POETRY)).isEqualTo(JSON);
    }

    @Test
    void row13_oldPipsTextHtmlGetsTextHtml() {
        assertThat(contentTypeFor("text/html")).startsWith("text/html");
    }

    @Test
    void row14_v1HtmlGetsThatExactContentType() {
        assertThat(contentTypeFor(HTML)).startsWith(HTML);
    }

    @Test
    void row15_jsonRefusedWithQZeroFallsBackToHtml() {
        assertThat(contentTypeFor(JSON + ";q=0, text/html")).startsWith("text/html");
    }

    @Test
    void row16_higherQualityHtmlWinsOverJson() {
        assertThat(contentTypeFor(JSON + ";q=0.5, " + HTML + ";q=0.9")).startsWith(HTML);
    }

    @Test
    void row17_latestJsonIsAnsweredAsV1Json() {
        assertThat(contentTypeFor("application/vnd.pypi.simple.latest+json")).isEqualTo(JSON);
    }

    @Test
    void row18_onlyUnknownTypesGetTextHtmlNeverA300() {
        assertThat(contentTypeFor("application/json")).startsWith("text/html");
    }

    @Test
    void row19_formatQueryParameterOverridesAccept() {
        HttpResponse<String> response = http.get("/team/dev/+simple/negotiated/?format=" + JSON, "Accept", "text/html");

        assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
        assertThat(response.body()).startsWith("{");
    }

    @Test
    void row20_everyNegotiatedResponseVariesOnAccept() {
        assertThat(http.get("/team/dev/+simple/negotiated/", "Accept", PIP).headers().allValues("Vary"))
                .contains("Accept");
        assertThat(http.get("/team/dev/+simple/").headers().allValues("Vary")).contains("Accept");
    }

    @Test
    void row21_jsonContentTypeHasNoParameters() {
        assertThat(contentTypeFor(PIP)).doesNotContain(";");
        assertThat(http.get("/team/dev/+simple/", "Accept", PIP).headers().firstValue("Content-Type"))
                .hasValue(JSON);
    }

    @Test
    void row22_mixedCaseAndWhitespaceInAcceptAreUnderstood() {
        assertThat(contentTypeFor("Application/VND.pypi.simple.V1+JSON ; q=1")).isEqualTo(JSON);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "|LEGACY_HTML",
            "application/*|HTML",
            "text/*|LEGACY_HTML",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|LEGACY_HTML",
            "application/vnd.pypi.simple.v1+html;q=0.2, application/vnd.pypi.simple.v1+json, text/html;q=0.01|JSON",
            "application/vnd.pypi.simple.v1+json;q=0, application/vnd.pypi.simple.v1+html;q=0|LEGACY_HTML",
            "application/vnd.pypi.simple.v1+json;q=abc|JSON",
            "application/vnd.pypi.simple.latest+html|HTML"})
    void choosesAsPypiDoes(String accept, SimpleFormat expected) {
        assertThat(AcceptNegotiation.choose(accept, null)).isEqualTo(expected);
    }

    @Test
    void ignoresAFormatParameterItDoesNotKnow() {
        assertThat(AcceptNegotiation.choose("application/vnd.pypi.simple.v1+json", "application/xml"))
                .isEqualTo(SimpleFormat.JSON);
    }
}
