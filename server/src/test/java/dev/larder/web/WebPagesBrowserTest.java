package dev.larder.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Browser;
import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web pages in a real headless Chromium (issue 8): browsing, search, versions, yanked marks, dependency links,
 * logging in to see a private index, and descriptions that try to run script. Screenshots of each page land in
 * target/screenshots/.
 */
class WebPagesBrowserTest {

    private static TestServer server;
    private static FakeUpstream upstream;
    private static Http http;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeUpstream();
        server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", upstream.url()));
        http = new Http(server.uri());
        Larder larder = new Larder(http);
        base = server.uri().toString().replaceAll("/$", "");
        Path dist = Files.createDirectories(server.dataFolder().resolve("dist"));
        upstream.project("upstream-thing", Distribution.of("upstream-thing", "3.1")
                .summary("A project that lives upstream").wheel(Files.createDirectories(dist.resolve("up"))));

        String alice = larder.user("alice");
        larder.index(alice, "alice/prod", "{\"title\": \"Released\", \"description\": \"What the team ships\"}");
        larder.index(alice, "alice/dev", "{\"bases\": [\"alice/prod\", \"root/pypi\"], \"title\": \"Team dev\"}");
        larder.index(alice, "alice/secret", "{\"acl_read\": [\"alice\"], \"title\": \"Not for everyone\"}");

        larder.uploadWheel("alice/prod", alice, dist, Distribution.of("helper-lib", "1.0")
                .summary("Helps larder-demo along"));
        larder.uploadWheel("alice/dev", alice, dist, Distribution.of("larder-demo", "1.0").summary("The demo project"));
        larder.uploadWheel("alice/dev", alice, dist, Distribution.of("larder-demo", "1.1").summary("The demo project"));
        larder.uploadWheel("alice/dev", alice, dist, Distribution.of("larder-demo", "2.0")
                .summary("The demo project of the Larder web pages")
                .requires("helper-lib>=1.0").requires("upstream-thing; python_version >= \"3.8\"")
                .requiresPython(">=3.9")
                .description("# Larder demo\n\nInstall it and enjoy.\n\n| column | value |\n|---|---|\n| a | 1 |\n\n"
                        + "```python\nimport larder_demo\n```\n", "text/markdown"));
        HttpResponse<String> yank = http.json("PATCH", "/+api/indexes/alice/dev/projects/larder-demo/1.1", alice,
                "{\"yanked\": \"broken build, use 2.0\"}");
        assertThat(yank.statusCode()).as(yank.body()).isEqualTo(200);
        larder.uploadWheel("alice/secret", alice, dist, Distribution.of("secret-sauce", "0.1")
                .summary("Only alice may see this"));
        larder.uploadWheel("alice/dev", alice, dist, Distribution.of("evil-pkg", "6.6.6")
                .summary("<script>window.__xss = 'summary script'</script>"
                        + "<img src=x onerror=\"window.__xss = 'summary img'\">")
                .description("""
                        # Evil

                        <script>window.__xss = 'description script'</script>

                        <img src="x" onerror="window.__xss = 'description img'">

                        <!-- a comment that must not reach the page -->

                        [a markdown javascript link](javascript:alert(document.domain))

                        <a href="javascript:window.__xss='html link'" id="evil-link">an html javascript link</a>

                        <div onclick="window.__xss='div click'" id="evil-div">click me</div>

                        <img src="javascript:window.__xss='img src'">

                        <iframe src="https://example.org/"></iframe>

                        <form action="https://example.org/steal"><input name="password"></form>

                        <p style="background: url(javascript:alert(1))">styled</p>

                        ![kept image](https://example.org/logo.png)
                        """, "text/markdown"));
        browser = Browser.start();
    }


    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        server.close();
        upstream.close();
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    /**
     * The basics of an accessible page, checked in the browser: a language, one h1, a label for every field, a text
     * for every image and button, and the first Tab stop skipping to the content.
     */
    private static void assertAccessible() {
        Object problems = driver().executeScript("""
                const problems = [];
                if (!document.documentElement.lang) problems.push('no lang on <html>');
                const h1 = document.querySelectorAll('h1').length;
                if (h1 !== 1) problems.push(h1 + ' h1 elements');
                document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(field => {
                  if (field.labels.length === 0 && !field.getAttribute('aria-label'))
                    problems.push('unlabelled field ' + (field.name || field.id));
                });
                document.querySelectorAll('img').forEach(img => {
                  if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src);
                });
                document.querySelectorAll('button').forEach(button => {
                  if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push('empty button');
                });
                return problems;
                """);
        assertThat((List<?>) problems).as(driver().getCurrentUrl()).isEmpty();
        driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver().switchTo().activeElement().getText()).as("first Tab stop").isEqualTo("Skip to content");
    }

    /** Clicks what leads to another page and waits for that page. */
    private static void click(By what) {
        WebElement element = driver().findElement(what);
        browser.navigate(element::click);
    }

    private static String text(String cssSelector) {
        return driver().findElement(By.cssSelector(cssSelector)).getText();
    }

    private static List<String> texts(String cssSelector) {
        return driver().findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    @Test
    void aVisitorBrowsesSearchesSwitchesVersionsAndFollowsADependency() throws Exception {
        browser.size(1280, 1400);
        driver().manage().deleteAllCookies();
        driver().get(base + "/");
        assertThat(texts("#indexes h2")).contains("alice/dev", "alice/prod", "root/pypi")
                .doesNotContain("alice/secret");
        browser.screenshot("home");
        assertAccessible();

        WebElement search = driver().findElement(By.id("site-search"));
        search.sendKeys("larder-demo");
        browser.navigate(search::submit);
        assertThat(driver().getCurrentUrl()).contains("/+search?q=larder-demo");
        List<WebElement> results = driver().findElements(By.cssSelector("#results li"));
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).getText()).startsWith("larder-demo 2.0").contains("exact name")
                .contains("The demo project of the Larder web pages");
        browser.size(1100, 560);
        browser.screenshot("search");
        browser.size(1280, 1400);
        assertAccessible();
        results = driver().findElements(By.cssSelector("#results li"));

        WebElement first = results.get(0).findElement(By.tagName("a"));
        browser.navigate(first::click);
        assertThat(driver().getCurrentUrl()).isEqualTo(base + "/alice/dev/larder-demo/");
        assertThat(text("#project-title")).isEqualTo("larder-demo 2.0");
        assertThat(text("#summary")).isEqualTo("The demo project of the Larder web pages");
        assertThat(text("#install-command")).isEqualTo("pip install --index-url " + base
                + "/alice/dev/+simple/ larder-demo");
        assertThat(texts("#versions li")).containsExactly("2.0", "1.1 yanked", "1.0");
        assertThat(driver().findElements(By.cssSelector("#description table"))).hasSize(1);
        assertThat(text("#description pre code")).isEqualTo("import larder_demo");
        assertThat(texts("section.file h3")).containsExactly("larder_demo-2.0-py3-none-any.whl");
        String fileFacts = text("section.file dl");
        assertThat(fileFacts).contains("uploaded here", "by alice", "sha256", "blake2b-256", "md5", ">=3.9");
        browser.screenshot("project");
        assertAccessible();

        click(By.linkText("1.1"));
        assertThat(driver().getCurrentUrl()).isEqualTo(base + "/alice/dev/larder-demo/1.1/");
        assertThat(text("#shown-version")).isEqualTo("1.1");
        assertThat(text("#yanked-notice")).startsWith("Yanked.");
        assertThat(text("#yanked-reason")).isEqualTo("broken build, use 2.0");
        assertThat(text("#install-command")).endsWith("larder-demo==1.1");
        assertThat(driver().findElement(By.id("latest-link")).getAttribute("href"))
                .isEqualTo(base + "/alice/dev/larder-demo/2.0/");
        browser.screenshot("version-yanked");

        click(By.linkText("2.0"));
        click(By.linkText("helper-lib>=1.0"));
        assertThat(driver().getCurrentUrl()).isEqualTo(base + "/alice/dev/helper-lib/");
        assertThat(text("#project-title")).isEqualTo("helper-lib 1.0");
        assertThat(text("section.file dl")).contains("alice/prod", "inherited");

        browser.navigate(() -> driver().navigate().back());
        click(By.partialLinkText("upstream-thing"));
        assertThat(driver().getCurrentUrl()).isEqualTo(base + "/alice/dev/upstream-thing/");
        assertThat(text("#project-title")).isEqualTo("upstream-thing 3.1");
        assertThat(text("section.file dl")).contains("root/pypi", "mirrored");
        assertThat(text("#metadata-note")).contains("has not fetched the metadata");
        browser.screenshot("upstream-project");

        driver().get(base + "/alice/dev/");
        assertThat(texts("#order li")).containsExactly("alice/dev stage", "alice/prod stage",
                "root/pypi mirror " + upstream.url());
        assertThat(texts("#projects tbody tr td:first-child")).containsExactly("evil-pkg", "helper-lib",
                "larder-demo");
        assertThat(texts("#uploads tbody tr td:first-child")).first().isEqualTo("evil_pkg-6.6.6-py3-none-any.whl");
        assertThat(texts("#upstream-projects tbody tr td:first-child")).containsExactly("upstream-thing");
        browser.screenshot("index");
        assertAccessible();
    }

    @Test
    void loggingInShowsAPrivateIndexThatAnonymousVisitorsCannotSee() throws Exception {
        browser.size(1280, 1400);
        driver().manage().deleteAllCookies();
        driver().get(base + "/alice/secret/secret-sauce/");
        assertThat(text("h1")).isEqualTo("Log in to see this page");
        browser.screenshot("error-login-needed");
        driver().get(base + "/+search?q=secret-sauce");
        assertThat(driver().findElements(By.cssSelector("#results li"))).isEmpty();

        driver().get(base + "/+login?next=/alice/secret/secret-sauce/");
        browser.screenshot("login");
        assertAccessible();
        driver().findElement(By.id("user")).sendKeys("alice");
        driver().findElement(By.id("password")).sendKeys("wrong-password");
        click(By.id("login-submit"));
        assertThat(text("#login-error")).isEqualTo("The user name or the password is not right.");

        driver().findElement(By.id("password")).sendKeys("alice-password");
        click(By.id("login-submit"));
        assertThat(driver().getCurrentUrl()).as(text("main")).isEqualTo(base + "/alice/secret/secret-sauce/");
        assertThat(text("#project-title")).isEqualTo("secret-sauce 0.1");
        assertThat(text("#viewer")).isEqualTo("alice");
        browser.screenshot("private-project");

        driver().get(base + "/");
        assertThat(texts("#indexes h2")).contains("alice/secret");
        driver().get(base + "/+search?q=sauce");
        assertThat(texts("#results li a")).containsExactly("secret-sauce");

        click(By.cssSelector("form[action='/+logout'] button"));
        assertThat(driver().getCurrentUrl()).isEqualTo(base + "/");
        assertThat(texts("#indexes h2")).doesNotContain("alice/secret");
        driver().get(base + "/alice/secret/");
        assertThat(text("h1")).isEqualTo("Log in to see this page");
    }

    @Test
    void aDescriptionAndSummaryThatTryToRunScriptRenderInert() throws Exception {
        browser.size(1280, 1400);
        driver().get(base + "/alice/dev/evil-pkg/");
        // The summary is shown as text, markup and all.
        assertThat(text("#summary")).startsWith("<script>window.__xss = 'summary script'</script><img src=x");
        // Clicking what looks clickable runs nothing (the page's script policy would stop it, too).
        String page = base + "/alice/dev/evil-pkg/";
        int clickables = driver().findElements(By.cssSelector("#description a, #description div")).size();
        for (int i = 0; i < clickables; i++) {
            WebElement element = driver().findElements(By.cssSelector("#description a, #description div")).get(i);
            if (element.isDisplayed()) {
                element.click();
            }
            assertThat(driver().executeScript("return window.__xss === undefined ? 'none' : String(window.__xss)"))
                    .isEqualTo("none");
            driver().get(page);
        }
        WebElement description = driver().findElement(By.id("description"));
        Object report = driver().executeScript("""
                const main = document.querySelector('main');
                const described = document.getElementById('description');
                const onAttributes = [...main.querySelectorAll('*')].flatMap(e => [...e.attributes])
                    .filter(a => a.name.toLowerCase().startsWith('on')).map(a => a.name);
                const walker = document.createTreeWalker(described, NodeFilter.SHOW_COMMENT);
                let comments = 0;
                while (walker.nextNode()) comments++;
                return {
                  xss: window.__xss === undefined ? 'none' : String(window.__xss),
                  scripts: main.querySelectorAll('script').length,
                  onAttributes: onAttributes.length,
                  javascriptUrls: [...main.querySelectorAll('[href],[src],[action]')]
                      .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))
                      .filter(u => /^\\s*javascript:/i.test(u)).length,
                  comments: comments,
                  iframes: described.querySelectorAll('iframe, form, input, style').length,
                  styled: described.querySelectorAll('[style]').length,
                  images: [...described.querySelectorAll('img')].map(i => i.getAttribute('src')).join(' ')
                };
                """);
        assertThat(report).isEqualTo(Map.of("xss", "none", "scripts", 0L, "onAttributes", 0L, "javascriptUrls", 0L,
                "comments", 0L, "iframes", 0L, "styled", 0L, "images", "https://example.org/logo.png"));
        assertThat(description.getText()).contains("a markdown javascript link", "an html javascript link",
                "click me").doesNotContain("a comment that must not reach the page");
        browser.screenshot("xss-inert");
    }

    @Test
    void thePagesFitAPhoneScreen() throws Exception {
        browser.size(390, 844);
        for (String path : List.of("/", "/alice/dev/", "/alice/dev/larder-demo/", "/+search?q=larder", "/+login")) {
            driver().get(base + path);
            Object overflow = driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("horizontal scroll of " + path + " on a 390 px screen")
                    .isLessThanOrEqualTo(0);
        }
        driver().get(base + "/alice/dev/larder-demo/");
        browser.screenshot("project-phone");
        browser.size(1280, 1400);
    }
}
