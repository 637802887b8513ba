package dev.larder.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.search.ProjectListings;
import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The web pages over plain HTTP: what they list and for whom, search order, feeds, login rules and what the same
 * URLs still answer to pip and API clients. The browser test drives the same pages in Chromium.
 */
class WebPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml";

    private static TestServer server;
    private static FakeUpstream upstream;
    private static Http http;
    private static Larder larder;
    private static String bob;
    private static Path dist;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeUpstream();
        server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", upstream.url()));
        http = new Http(server.uri());
        larder = new Larder(http);
        dist = Files.createDirectories(server.dataFolder().resolve("dist"));
        upstream.project("mirrored-only", Distribution.of("mirrored-only", "2.5").summary("Known once fetched")
                .requires("something-else").wheel(Files.createDirectories(dist.resolve("up"))));
        bob = larder.user("bob");
        larder.index(bob, "bob/dev", "{\"bases\": [\"root/pypi\"]}");
        larder.index(bob, "bob/hidden", "{\"acl_read\": [\"bob\"]}");
        upload("bob/dev", Distribution.of("json", "1.0").summary("Exact match bait"));
        upload("bob/dev", Distribution.of("json-tools", "1.0").summary("Tools for it"));
        upload("bob/dev", Distribution.of("jsonx", "1.0").summary("Shorter prefix"));
        upload("bob/dev", Distribution.of("parser-kit", "1.0").summary("A fast json parser"));
        upload("bob/dev", Distribution.of("feedme", "1.0").summary("First & <oldest>"));
        upload("bob/dev", Distribution.of("feedme", "2.0").summary("Second"));
        upload("bob/hidden", Distribution.of("hidden-json", "1.0").summary("Only bob reads this json"));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    private static void upload(String index, Distribution distribution) throws Exception {
        larder.uploadWheel(index, bob, dist, distribution);
    }

    private static Document page(String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("Accept", HTML));
        all.addAll(List.of(headers));
        HttpResponse<String> response = http.get(path, all.toArray(String[]::new));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        return Jsoup.parse(response.body(), server.uri().toString());
    }

    private static List<String> texts(Document document, String css) {
        return document.select(css).eachText();
    }

    @Test
    void searchRanksExactNameThenPrefixShortestFirstThenWordsAndHidesUnreadableIndexes() {
        Document results = page("/+search?q=json");
        assertThat(texts(results, "#results li > a")).containsExactly("json", "jsonx", "json-tools", "parser-kit");
        assertThat(texts(results, "#results li .muted")).containsExactly("in bob/dev · exact name",
                "in bob/dev · name starts with it", "in bob/dev · name starts with it",
                "in bob/dev · words in name or summary");

        Document asBob = page("/+search?q=json", "Authorization", bob);
        assertThat(texts(asBob, "#results li > a")).contains("hidden-json");
        assertThat(texts(page("/+search?q=FAST%20Parser"), "#results li > a")).containsExactly("parser-kit");
        assertThat(texts(page("/+search?q=nothing-like-it"), "#results li")).isEmpty();
        assertThat(texts(page("/+search?q=mirrored-only"), "#upstream li a"))
                .containsExactly("mirrored-only on root/pypi");
        assertThat(page("/+search?q=%3Cb%3E").select("b")).isEmpty();
    }

    @Test
    void theRootListsReadableIndexesOnly() {
        assertThat(texts(page("/"), "#indexes h2")).contains("bob/dev", "root/pypi").doesNotContain("bob/hidden");
        assertThat(texts(page("/", "Authorization", bob), "#indexes h2")).contains("bob/dev", "bob/hidden", "root/pypi");
    }

    @Test
    void anIndexPageListsItsProjectsAPageAtATimeWithTheirLatestVersion() throws Exception {
        larder.index(bob, "bob/many", "{}");
        for (int i = 0; i < 55; i++) {
            upload("bob/many", Distribution.of(String.format("many-%03d", i), "1." + i));
        }
        Document first = page("/bob/many/");
        assertThat(first.select("#projects tbody tr")).hasSize(50);
        assertThat(first.select("#projects tbody tr").first().text()).isEqualTo("many-000 1.0 Test package many-000 bob/many");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        Document second = page(first.select("a[rel=next]").attr("href"));
        assertThat(texts(second, "#projects tbody tr td:first-child")).containsExactly("many-050", "many-051",
                "many-052", "many-053", "many-054");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(first.select("#uploads tbody tr")).hasSize(20);
        assertThat(first.select("#uploads tbody tr").first().text()).startsWith("many_054-1.54-py3-none-any.whl 1.54");
    }

    @Test
    void theListingFollowsYanksAndDeletes() throws Exception {
        larder.index(bob, "bob/changing", "{\"volatile\": true}");
        upload("bob/changing", Distribution.of("moving", "1.0").summary("One"));
        upload("bob/changing", Distribution.of("moving", "2.0").summary("Two"));
        assertThat(texts(page("/bob/changing/"), "#projects tbody tr")).containsExactly("moving 2.0 Two bob/changing");

        http.json("PATCH", "/+api/indexes/bob/changing/projects/moving/2.0", bob, "{\"yanked\": true}");
        assertThat(texts(page("/bob/changing/"), "#projects tbody tr")).containsExactly("moving 1.0 One bob/changing");
        assertThat(texts(page("/+search?q=two"), "#results li > a")).doesNotContain("moving");
        assertThat(texts(page("/+search?q=one"), "#results li > a")).contains("moving");

        assertThat(http.json("DELETE", "/+api/indexes/bob/changing/projects/moving/1.0", bob, null).statusCode())
                .isEqualTo(204);
        assertThat(http.json("DELETE", "/+api/indexes/bob/changing/projects/moving/2.0", bob, null).statusCode())
                .isEqualTo(204);
        assertThat(texts(page("/bob/changing/"), "#projects tbody tr"))
                .containsExactly("moving no release bob/changing");
    }

    @Test
    void listingsOfADatabaseFromBeforeThemAreFilledInOnStart() {
        ProjectListings listings = server.bean(ProjectListings.class);
        JdbcOperations jdbc = server.bean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = server.bean(TransactionOperations.class);
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM project_listings WHERE name = 'jsonx'",
                statement -> statement.executeUpdate()));
        assertThat(texts(page("/+search?q=jsonx"), "#results li > a")).isEmpty();

        assertThat(listings.addMissing()).isEqualTo(1);
        assertThat(texts(page("/+search?q=jsonx"), "#results li > a")).containsExactly("jsonx");
        assertThat(listings.addMissing()).isZero();
    }

    @Test
    void anUpstreamProjectShowsItsMetadataOnceLarderHasFetchedIt() {
        Document before = page("/bob/dev/mirrored-only/");
        assertThat(before.select("#metadata-note").text()).contains("has not fetched the metadata");
        assertThat(before.select("#summary")).isEmpty();
        String fileUrl = before.select("section.file h3 a").attr("href");
        assertThat(http.get(fileUrl + ".metadata").statusCode()).isEqualTo(200);

        Document after = page("/bob/dev/mirrored-only/");
        assertThat(after.select("#metadata-note")).isEmpty();
        assertThat(after.select("#summary").text()).isEqualTo("Known once fetched");
        assertThat(texts(after, "#dependencies a")).containsExactly("something-else");
        assertThat(after.select("#dependencies a").attr("href")).isEqualTo("/bob/dev/something-else/");
    }

    @Test
    void anIndexPageListsTheUpstreamProjectsFetchedThroughItAfterThePrivateOnes() {
        page("/bob/dev/mirrored-only/");
        Document index = page("/bob/dev/");
        assertThat(texts(index, "#upstream-projects tbody tr td:nth-child(1)")).containsExactly("mirrored-only");
        assertThat(texts(index, "#upstream-projects tbody tr td:nth-child(2)")).containsExactly("root/pypi");
        assertThat(index.select("#upstream-projects a").attr("href")).isEqualTo("/bob/dev/mirrored-only/");
        assertThat(texts(page("/root/pypi/"), "#upstream-projects tbody tr td:nth-child(1)"))
                .contains("mirrored-only");
        assertThat(texts(page("/bob/hidden/", "Authorization", bob), "h2"))
                .doesNotContain("Upstream projects fetched here");
    }

    @Test
    void rssFeedsListNewReleasesNewestFirstAndKeepPrivateIndexesPrivate() throws Exception {
        HttpResponse<String> feed = http.get("/bob/dev/feedme/+rss");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/rss+xml"));
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = xml.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        org.w3c.dom.Element newest = (org.w3c.dom.Element) items.item(0);
        assertThat(newest.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("feedme 2.0");
        assertThat(newest.getElementsByTagName("link").item(0).getTextContent())
                .isEqualTo(server.uri().toString().replaceAll("/$", "") + "/bob/dev/feedme/2.0/");
        assertThat(((org.w3c.dom.Element) items.item(1)).getElementsByTagName("description").item(0).getTextContent())
                .as("HTML-escaped text, so a reader shows it as written").isEqualTo("First &amp; &lt;oldest&gt;");

        HttpResponse<String> indexFeed = http.get("/bob/dev/+rss");
        assertThat(indexFeed.body()).contains("<title>feedme 2.0</title>").contains("<title>json 1.0</title>");
        assertThat(http.get("/bob/hidden/+rss").statusCode()).isEqualTo(401);
        assertThat(http.get("/bob/hidden/+rss", "Authorization", bob).body()).contains("hidden-json 1.0");
    }

    @Test
    void thePagesAnswerBrowsersWhileTheSameIndexStillServesPipAndApiClients() {
        HttpResponse<String> simple = http.get("/bob/dev/+simple/json/", "Accept",
                "application/vnd.pypi.simple.v1+json");
        assertThat(simple.statusCode()).isEqualTo(200);
        assertThat(simple.body()).startsWith("{");
        assertThat(http.get("/bob/dev/pypi/json/json").body()).contains("\"info\"");
        assertThat(http.json("GET", "/+api/indexes/bob/dev", null, null).body()).contains("\"type\"");

        HttpResponse<String> redirect = http.get("/bob/dev/JSON_Tools/", "Accept", HTML);
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/bob/dev/json-tools/");

        HttpResponse<String> missing = http.get("/bob/dev/no-such-project/", "Accept", HTML);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("#error-message").text())
                .isEqualTo("Project 'no-such-project' is not in index 'bob/dev' nor in any index it inherits from.");
        HttpResponse<String> noVersion = http.get("/bob/dev/json/9.9/", "Accept", HTML);
        assertThat(noVersion.statusCode()).isEqualTo(404);

        HttpResponse<String> hidden = http.get("/bob/hidden/", "Accept", HTML);
        assertThat(hidden.statusCode()).isEqualTo(401);
        assertThat(hidden.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(Jsoup.parse(hidden.body()).select("main a[href^=/+login]").attr("href"))
                .isEqualTo("/+login?next=%2Fbob%2Fhidden%2F");
        assertThat(http.get("/+static/larder.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void loggingInNeedsTheFormsTokenAndGivesAnHttpOnlySameSiteCookieThatNeverAuthorisesAChange() throws Exception {
        HttpResponse<String> form = http.get("/+login?next=//evil.example/", "Accept", HTML);
        String loginCookie = cookie(form, LoginController.LOGIN_COOKIE).orElseThrow();
        String token = Jsoup.parse(form.body()).select("input[name=csrf]").attr("value");
        assertThat(Jsoup.parse(form.body()).select("input[name=next]").attr("value")).isEqualTo("/");
        assertThat(LoginController.safeNext("/bob/dev/?page=2")).isEqualTo("/bob/dev/?page=2");
        assertThat(LoginController.safeNext("/a b")).as("not a URI").isEqualTo("/");
        assertThat(LoginController.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(LoginController.safeNext("/\\evil.example/")).isEqualTo("/");

        assertThat(post("/+login", "user=bob&password=bob-password&csrf=" + token, null).statusCode())
                .as("no login cookie").isEqualTo(403);
        assertThat(post("/+login", "user=bob&password=bob-password&csrf=forged", loginCookie).statusCode())
                .as("token differs from the cookie").isEqualTo(403);
        assertThat(post("/+login", "user=bob&password=wrong&csrf=" + token, loginCookie).statusCode())
                .isEqualTo(401);

        HttpResponse<String> login = post("/+login", "user=bob&password=bob-password&next="
                + URLEncoder.encode("//evil.example/", StandardCharsets.UTF_8) + "&csrf=" + token, loginCookie);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("larder_session=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        String session = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(texts(page("/", "Cookie", session), "#indexes h2")).contains("bob/hidden");
        assertThat(http.get("/bob/hidden/+simple/", "Cookie", session).statusCode()).isEqualTo(200);

        Path wheel = Distribution.of("by-cookie", "1.0").wheel(Files.createDirectories(dist.resolve("cookie")));
        Multipart upload = Multipart.twineLike(wheel, "by-cookie", "1.0");
        HttpResponse<String> uploaded = larder.upload("bob/dev", null, upload, "Cookie", session);
        assertThat(uploaded.statusCode()).as("a cookie never authorises an upload").isEqualTo(401);
        assertThat(http.send(http.request("/+api/indexes/bob/cookie-made").header("Cookie", session)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode()).as("nor an API change").isEqualTo(401);

        assertThat(post("/+logout", "csrf=forged", session).statusCode()).isEqualTo(403);
        assertThat(texts(page("/", "Cookie", session), "#indexes h2")).contains("bob/hidden");
        String csrf = page("/", "Cookie", session).select("form[action=/+logout] input[name=csrf]").attr("value");
        assertThat(post("/+logout", "csrf=" + csrf, session).statusCode()).isEqualTo(303);
        assertThat(texts(page("/", "Cookie", session), "#indexes h2")).doesNotContain("bob/hidden");
    }

    @Test
    void changingThePasswordOrDeletingTheUserEndsItsWebSessions() {
        larder.user("carol");
        String session = login("carol", "carol-password");
        assertThat(page("/", "Cookie", session).select("#viewer").text()).isEqualTo("carol");

        assertThat(http.json("PATCH", "/+api/users/carol", Larder.ROOT, "{\"password\": \"another-password\"}")
                .statusCode()).isEqualTo(200);
        assertThat(page("/", "Cookie", session).select("#viewer")).isEmpty();

        String again = login("carol", "another-password");
        assertThat(http.json("DELETE", "/+api/users/carol", Larder.ROOT, null).statusCode()).isEqualTo(204);
        larder.user("carol");
        assertThat(page("/", "Cookie", again).select("#viewer")).as("a new carol is not logged in").isEmpty();
    }

    /** Logs in through the form; answers the session cookie ({@code larder_session=...}). */
    private static String login(String user, String password) {
        HttpResponse<String> form = http.get("/+login", "Accept", HTML);
        String token = Jsoup.parse(form.body()).select("input[name=csrf]").attr("value");
        HttpResponse<String> login = post("/+login", "user=" + user + "&password=" + password + "&csrf=" + token,
                cookie(form, LoginController.LOGIN_COOKIE).orElseThrow());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        return cookie(login, "larder_session").orElseThrow();
    }

    private static HttpResponse<String> post(String path, String form, String cookie) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", HTML).POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request);
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }
}
