package dev.larder.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading upstream pages in both forms (PEP 503 HTML, PEP 691 JSON), as upstream indexes really write them. */
class SimplePageParserTest {

    private static ApplicationContext context;
    private static SimplePageParser parser;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().deduceEnvironment(false).start();
        parser = new SimplePageParser(context.getBean(io.micronaut.serde.ObjectMapper.class));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static UpstreamProject parse(String body, String contentType, String url) throws IOException {
        return parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), contentType,
                URI.create(url));
    }

    @Test
    void readsAPep691PageWithEveryFieldAndResolvesRelativeUrls() throws IOException {
        UpstreamProject page = parse("""
                {"meta": {"api-version": "1.1"}, "name": "holygrail", "versions": ["1.0"],
                 "files": [
                   {"filename": "holygrail-1.0.tar.gz", "url": "../../files/holygrail-1.0.tar.gz",
                    "hashes": {"sha256": "AB12"}, "requires-python": ">=3.8", "yanked": "Had a bug",
                    "size": 123, "upload-time": "2026-01-02T03:04:05.123456Z", "core-metadata": false},
                   {"filename": "holygrail-1.0-py3-none-any.whl", "url": "https://files.example/h.whl",
                    "hashes": {}, "yanked": true, "dist-info-metadata": {"sha256": "CD34"}},
                   {"filename": "holygrail-0.9.zip", "url": "https://files.example/h.zip", "hashes": {},
                    "core-metadata": true, "yanked": false, "futurekey": [1, 2]}
                 ]}""", "application/vnd.pypi.simple.v1+json", "https://pypi.example/simple/holygrail/");

        assertThat(page.versions()).containsExactly("1.0");
        assertThat(page.files()).hasSize(3);
        UpstreamFile sdist = page.files().get(0);
        assertThat(sdist.url()).isEqualTo("https://pypi.example/files/holygrail-1.0.tar.gz");
        assertThat(sdist.sha256()).isEqualTo("ab12");
        assertThat(sdist.requiresPython()).isEqualTo(">=3.8");
        assertThat(sdist.yanked()).isTrue();
        assertThat(sdist.yankedReason()).isEqualTo("Had a bug");
        assertThat(sdist.size()).isEqualTo(123);
        assertThat(sdist.uploadTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(sdist.coreMetadata()).isFalse();
        UpstreamFile wheel = page.files().get(1);
        assertThat(wheel.sha256()).isNull();
        assertThat(wheel.yankedReason()).isEmpty();
        assertThat(wheel.coreMetadata()).isTrue();
        assertThat(wheel.coreMetadataSha256()).isEqualTo("cd34");
        assertThat(page.files().get(2).coreMetadata()).isTrue();
        assertThat(page.files().get(2).coreMetadataSha256()).isNull();
    }

    @Test
    void readsAPep503PageWithFragmentsBaseHrefAndDataAttributes() throws IOException {
        UpstreamProject page = parse("""
                <!DOCTYPE html><html><head><base href="https://cdn.example/packages/"></head><body>
                <a href="foo-1.0.tar.gz#sha256=EF56" data-requires-python="&gt;=3.6,&lt;4">foo-1.0.tar.gz</a>
                <a href="foo-1.0%2Blocal-py3-none-any.whl#md5=123" data-yanked="" data-core-metadata="true">w</a>
                <a href="/other/foo-0.1.zip" data-yanked="old &amp; slow" data-dist-info-metadata="sha256=AA">z</a>
                </body></html>""", "text/html; charset=utf-8", "https://pypi.example/simple/foo/");

        assertThat(page.versions()).isEmpty();
        assertThat(page.files()).extracting(UpstreamFile::filename)
                .containsExactly("foo-1.0.tar.gz", "foo-1.0+local-py3-none-any.whl", "foo-0.1.zip");
        UpstreamFile first = page.files().get(0);
        assertThat(first.url()).isEqualTo("https://cdn.example/packages/foo-1.0.tar.gz");
        assertThat(first.sha256()).isEqualTo("ef56");
        assertThat(first.requiresPython()).isEqualTo(">=3.6,<4");
        assertThat(first.yanked()).isFalse();
        UpstreamFile local = page.files().get(1);
        assertThat(local.sha256()).isNull();
        assertThat(local.yanked()).isTrue();
        assertThat(local.yankedReason()).isEmpty();
        assertThat(local.coreMetadata()).isTrue();
        UpstreamFile old = page.files().get(2);
        assertThat(old.url()).isEqualTo("https://cdn.example/other/foo-0.1.zip");
        assertThat(old.yankedReason()).isEqualTo("old & slow");
        assertThat(old.coreMetadataSha256()).isEqualTo("aa");
    }

    @Test
    void aJsonPageWithoutFilesIsUnreadable() {
        assertThatThrownBy(() -> parse("{\"meta\": {}}", "application/vnd.pypi.simple.v1+json",
                "https://pypi.example/simple/x/")).hasMessageContaining("no \"files\" list");
    }

    @Test
    void keepsCredentialsOutOfTheUrlAndItsText() {
        UpstreamUrl url = UpstreamUrl.of(URI.create("https://user:t%40ken@pypi.example/simple"));

        assertThat(url.base()).isEqualTo(URI.create("https://pypi.example/simple/"));
        assertThat(url.toString()).doesNotContain("t@ken").doesNotContain("user");
        assertThat(url.authorization()).isEqualTo("Basic dXNlcjp0QGtlbg==");
        assertThat(url.project("foo-bar")).isEqualTo(URI.create("https://pypi.example/simple/foo-bar/"));
        assertThat(url.sameOrigin(URI.create("https://pypi.example/files/x.whl"))).isTrue();
        assertThat(url.sameOrigin(URI.create("https://files.example/x.whl"))).isFalse();
    }
}
