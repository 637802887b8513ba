package dev.larder.simple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.Python;
import dev.larder.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simple repository API of a stage index: protocol.md §2 and §10 rows 3-7, 23-47 and 62-64. */
class SimpleRepositoryApiTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]+)\"([^>]*)>([^<]+)</a>");

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static String team;
    private static Path dist;

    @BeforeAll
    static void startServer(@TempDir Path folder) throws Exception {
        dist = folder;
        server = TestServer.start();
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        larder.index(team, "team/dev", "{}");
        upload(Distribution.of("Friendly.Bard", "1.0").requiresPython(">=3.8,<4&\"x\"").wheel(dist), "Friendly.Bard", "1.0");
        upload(Distribution.of("Friendly.Bard", "1.0").requiresPython(">=3.8,<4&\"x\"").sdist(dist), "Friendly.Bard", "1.0");
        upload(Distribution.of("friendly-bard", "2.0rc1").wheel(dist), "friendly-bard", "2.0rc1");
        upload(Distribution.of("torchish", "2.1.0+cu121").wheel(dist), "torchish", "2.1.0+cu121");
        HttpResponse<String> yanked = http.json("PATCH", "/+api/indexes/team/dev/projects/friendly-bard/1.0", team,
                "{\"yanked\": \"broken <&\\\"> build\"}");
        assertThat(yanked.statusCode()).as(yanked.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static void upload(Path file, String name, String version) throws Exception {
        HttpResponse<String> response = larder.upload("team/dev", team, Multipart.twineLike(file, name, version));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void row03_aNonNormalizedProjectNameRedirects301KeepingTheQuery() {
        HttpResponse<String> response = http.get("/team/dev/+simple/Friendly_Bard/?format=" + JSON);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/team/dev/+simple/friendly-bard/?format=" + JSON);
    }

    @Test
    void row04_aProjectUrlWithoutTrailingSlashRedirects301() {
        HttpResponse<String> response = http.get("/team/dev/+simple/friendly-bard");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/team/dev/+simple/friendly-bard/");
        assertThat(http.get("/team/dev/+simple").headers().firstValue("Location")).hasValue("/team/dev/+simple/");
    }

    @Test
    void row05_generatedUrlsAndJsonNamesUseTheNormalizedName() {
        String root = http.get("/team/dev/+simple/").body();
        String json = http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).body();

        assertThat(root).contains("<a href=\"friendly-bard/\">");
        assertThat(json).contains("\"name\":\"friendly-bard\"");
    }

    @Test
    void row06_anUnknownProjectIs404InHtmlAndJson() {
        assertThat(http.get("/team/dev/+simple/no-such-project/").statusCode()).isEqualTo(404);
        assertThat(http.get("/team/dev/+simple/no-such-project/", "Accept", JSON).statusCode()).isEqualTo(404);
        assertThat(http.get("/team/dev/+simple/-invalid-/").statusCode()).isEqualTo(404);
        assertThat(http.get("/team/nothing/+simple/").statusCode()).isEqualTo(404);
    }

    @Test
    void row07_aProjectWhoseFilesWereAllDeletedAnswers200WithNoFiles() throws Exception {
        larder.index(team, "team/scratch", "{\"volatile\": true}");
        Path wheel = Distribution.of("emptied", "1.0").wheel(Files.createDirectories(dist.resolve("emptied")));
        assertThat(larder.upload("team/scratch", team, Multipart.twineLike(wheel, "emptied", "1.0")).statusCode())
                .isEqualTo(200);
        assertThat(http.json("DELETE", "/+api/indexes/team/scratch/projects/emptied/1.0", team, null).statusCode())
                .isEqualTo(204);

        HttpResponse<String> html = http.get("/team/scratch/+simple/emptied/");
        HttpResponse<String> json = http.get("/team/scratch/+simple/emptied/", "Accept", JSON);

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).doesNotContain("<a ");
        assertThat(json.body()).contains("\"files\":[]");
    }

    @Test
    void row23_htmlPagesCarryTheRepositoryVersionMeta() {
        assertThat(http.get("/team/dev/+simple/").body())
                .contains("<meta name=\"pypi:repository-version\" content=\"1.1\">");
        assertThat(http.get("/team/dev/+simple/friendly-bard/").body())
                .contains("<meta name=\"pypi:repository-version\" content=\"1.1\">");
    }

    @Test
    void row24_jsonPagesCarryMetaApiVersion() {
        assertThat(http.get("/team/dev/+simple/", "Accept", JSON).body()).contains("\"meta\":{\"api-version\":\"1.1\"}");
        assertThat(http.get("/team/dev/+simple/torchish/", "Accept", JSON).body())
                .contains("\"meta\":{\"api-version\":\"1.1\"}");
    }

    @Test
    void row25_withApiVersion11EveryFileHasAnIntegerSizeAndThePageHasVersions() {
        String json = http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).body();

        assertThat(json).contains("\"versions\":[\"1.0\",\"2.0rc1\"]");
        assertThat(Pattern.compile("\"size\":\\d+").matcher(json).results().count()).isEqualTo(3);
    }

    @Test
    void row26_theHtmlRootHasOneAnchorPerProjectLinkingToItsNormalizedUrl() {
        String html = http.get("/team/dev/+simple/").body();

        List<String> hrefs = HREF.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(hrefs).contains("friendly-bard/", "torchish/").doesNotHaveDuplicates()
                .allMatch(href -> href.matches("[a-z0-9-]+/"));
    }

    @Test
    void row27_eachAnchorTextIsThePercentDecodedLastSegmentOfItsHref() {
        for (String project : List.of("friendly-bard", "torchish")) {
            Matcher anchors = HREF.matcher(http.get("/team/dev/+simple/" + project + "/").body());
            int count = 0;
            while (anchors.find()) {
                String path = anchors.group(1).replace("&amp;", "&").split("#")[0];
                String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
                assertThat(anchors.group(3)).isEqualTo(last);
                count++;
            }
            assertThat(count).isPositive();
        }
    }

    @Test
    void row28_hrefsCarryTheSha256OfTheFile() throws Exception {
        Path wheel = dist.resolve(Distribution.of("torchish", "2.1.0+cu121").wheelFilename());
        String sha256 = Multipart.sha256(Files.readAllBytes(wheel));

        assertThat(http.get("/team/dev/+simple/torchish/").body()).contains("#sha256=" + sha256 + "\"");
    }

    @Test
    void row29_noOtherFragmentHashThanSha256() {
        String html = http.get("/team/dev/+simple/friendly-bard/").body();

        assertThat(Pattern.compile("#(\\w+)=").matcher(html).results().map(m -> m.group(1)).distinct().toList())
                .containsExactly("sha256");
    }

    @Test
    void row30_requiresPythonIsEscapedInHtmlAndExactInJson() {
        assertThat(http.get("/team/dev/+simple/friendly-bard/").body())
                .contains("data-requires-python=\"&gt;=3.8,&lt;4&amp;&quot;x&quot;\"");
        assertThat(http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).body())
                .contains("\"requires-python\":\">=3.8,<4&\\\"x\\\"\"");
    }

    @Test
    void row31_aReleaseYankedWithoutReasonHasAnEmptyDataYankedValue() {
        assertThat(http.json("PATCH", "/+api/indexes/team/dev/projects/torchish/2.1.0+cu121", team,
                "{\"yanked\": true}").statusCode()).isEqualTo(200);
        try {
            assertThat(http.get("/team/dev/+simple/torchish/").body()).contains(" data-yanked=\"\"");
            assertThat(http.get("/team/dev/+simple/torchish/", "Accept", JSON).body()).contains("\"yanked\":true");
        } finally {
            http.json("PATCH", "/+api/indexes/team/dev/projects/torchish/2.1.0+cu121", team, "{\"yanked\": false}");
        }
        assertThat(http.get("/team/dev/+simple/torchish/").body()).doesNotContain("data-yanked");
    }

    @Test
    void row32_aYankedReasonIsEscapedAndRoundTrips() {
        assertThat(http.get("/team/dev/+simple/friendly-bard/").body())
                .contains("data-yanked=\"broken &lt;&amp;&quot;&gt; build\"");
        assertThat(http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).body())
                .contains("\"yanked\":\"broken <&\\\"> build\"");
    }

    @Test
    void row33_aWheelAdvertisesItsCoreMetadataUnderBothNames() {
        Matcher wheel = Pattern.compile("data-core-metadata=\"sha256=([0-9a-f]{64})\" data-dist-info-metadata=\"sha256=([0-9a-f]{64})\"")
                .matcher(http.get("/team/dev/+simple/torchish/").body());

        assertThat(wheel.find()).isTrue();
        assertThat(wheel.group(1)).isEqualTo(wheel.group(2));
    }

    @Test
    void row34_pagesParseWithPythonsHtmlParserAsUtf8() throws Exception {
        HttpResponse<String> page = http.get("/team/dev/+simple/friendly-bard/");
        Path file = dist.resolve("page.html");
        Files.writeString(file, page.body(), StandardCharsets.UTF_8);
        String script = "import html.parser,sys\n"
                + "class P(html.parser.HTMLParser):\n"
                + "    links=[]\n"
                + "    def handle_starttag(self,t,a):\n"
                + "        if t=='a': self.links.append(dict(a))\n"
                + "p=P(); p.feed(open(sys.argv[1],encoding='utf-8').read())\n"
                + "print(len(p.links), p.links[0]['data-yanked'], p.links[0]['data-requires-python'])\n";

        Python.Result parsed = new Python(dist.resolve("home")).run(dist, Map.of(), Python.PYTHON, "-c", script,
                file.toString()).assertSucceeded();

        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(parsed.output().strip()).isEqualTo("3 broken <&\"> build >=3.8,<4&\"x\"");
    }

    @Test
    void row35_relativeHrefsResolveToTheFileUrl() {
        URI page = server.uri().resolve("/team/dev/+simple/torchish/");
        Matcher anchor = HREF.matcher(http.get("/team/dev/+simple/torchish/").body());
        assertThat(anchor.find()).isTrue();

        URI file = page.resolve(anchor.group(1).split("#")[0]);

        assertThat(file.getRawPath()).startsWith("/team/dev/+f/").endsWith("/torchish-2.1.0%2Bcu121-py3-none-any.whl");
        assertThat(http.get(file.getRawPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void row36_noProjectStatusMetasAreEmittedForActiveProjects() {
        assertThat(http.get("/team/dev/+simple/friendly-bard/").body()).doesNotContain("pypi:project-status");
    }

    @Test
    void row37_theJsonRootHasMetaAndProjectsWithNames() {
        assertThat(http.get("/team/dev/+simple/", "Accept", JSON).body())
                .startsWith("{\"meta\":{\"api-version\":\"1.1\"},\"projects\":[{\"name\":")
                .contains("{\"name\":\"friendly-bard\"}", "{\"name\":\"torchish\"}");
    }

    @Test
    void row38_to44_jsonProjectPagesHaveEveryRequiredKeyAndNoForbiddenOne() throws Exception {
        String json = http.get("/team/dev/+simple/torchish/", "Accept", JSON).body();
        Path wheel = dist.resolve(Distribution.of("torchish", "2.1.0+cu121").wheelFilename());

        assertThat(json).startsWith("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"torchish\","
                + "\"versions\":[\"2.1.0+cu121\"],\"files\":[{\"filename\":\"torchish-2.1.0+cu121-py3-none-any.whl\"");
        assertThat(json).contains("\"hashes\":{\"sha256\":\"" + Multipart.sha256(Files.readAllBytes(wheel)) + "\"}")
                .contains("\"size\":" + Files.size(wheel))
                .contains("\"core-metadata\":{\"sha256\":")
                .contains("\"yanked\":false")
                .doesNotContain("dist-info-metadata")
                .doesNotContain("null");
        assertThat(Pattern.compile("\"upload-time\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z)\"")
                .matcher(json).find()).isTrue();
    }

    @Test
    void row41_42_sdistsAdvertiseNoCoreMetadataAndYankedIsNeverNullOrEmpty() {
        String json = http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).body();

        assertThat(json).contains("\"filename\":\"friendly_bard-1.0.tar.gz\"")
                .containsPattern("\"filename\":\"friendly_bard-1\\.0\\.tar\\.gz\"((?!\"filename\").)*\"core-metadata\":false")
                .doesNotContain("\"yanked\":\"\"").doesNotContain("\"yanked\":null");
    }

    @Test
    void row46_versionsHaveNoDuplicatesAndCoverEveryFile() {
        String json = http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).body();

        assertThat(json).contains("\"versions\":[\"1.0\",\"2.0rc1\"]");
    }

    @Test
    void row62_pagesHaveAnEtagAndIfNoneMatchGets304WithTheSameEtag() {
        HttpResponse<String> first = http.get("/team/dev/+simple/friendly-bard/");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.get("/team/dev/+simple/friendly-bard/", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.body()).isEmpty();
        assertThat(http.get("/team/dev/+simple/friendly-bard/", "Accept", JSON).headers().firstValue("ETag"))
                .isNotEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void row63_pagesHaveShortPublicCachingAndHeadWorks() {
        HttpResponse<String> get = http.get("/team/dev/+simple/friendly-bard/");
        HttpResponse<String> head = http.send(http.request("/team/dev/+simple/friendly-bard/")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(get.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void row64_anUploadIsOnBothFormsOfThePageOnTheVeryNextRequest() throws Exception {
        Path folder = Files.createDirectories(dist.resolve("fresh"));
        upload(Distribution.of("fresh-project", "1.0").wheel(folder), "fresh-project", "1.0");
        String beforeHtml = http.get("/team/dev/+simple/fresh-project/").body();
        http.get("/team/dev/+simple/fresh-project/", "Accept", JSON);

        upload(Distribution.of("fresh-project", "2.0").wheel(folder), "fresh-project", "2.0");

        assertThat(beforeHtml).doesNotContain("fresh_project-2.0-py3-none-any.whl");
        assertThat(http.get("/team/dev/+simple/fresh-project/").body()).contains("fresh_project-2.0-py3-none-any.whl");
        assertThat(http.get("/team/dev/+simple/fresh-project/", "Accept", JSON).body())
                .contains("fresh_project-2.0-py3-none-any.whl").contains("\"versions\":[\"1.0\",\"2.0\"]");
    }

    @Test
    void encodedPlusPathsAnswerLikePlainOnes() {
        assertThat(http.get("/team/dev/%2Bsimple/friendly-bard/").body())
                .isEqualTo(http.get("/team/dev/+simple/friendly-bard/").body());
        assertThat(http.get("/team/dev/%2bsimple/").statusCode()).isEqualTo(200);
    }
}
