package dev.larder.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.blobs.BlobRecords;
import dev.larder.testing.Distribution;
import dev.larder.testing.FakeUpstream;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached upstream files over the cap are evicted, least recently used first; uploaded files never are. */
class CachedFileEvictionTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";

    @Test
    void evictsTheLeastRecentlyUsedCachedFilesAndNeverAnUploadedOne(@TempDir Path dist) throws Exception {
        Path first = Distribution.of("evict-first", "1.0").description("x".repeat(20_000)).wheel(dist);
        Path second = Distribution.of("evict-second", "1.0").description("y".repeat(20_000)).wheel(dist);
        Path uploaded = Distribution.of("kept-upload", "1.0").wheel(dist);
        try (FakeUpstream upstream = new FakeUpstream();
             TestServer server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upstream-url", upstream.url()))) {
            upstream.project("evict-first", first).project("evict-second", second);
            Http http = new Http(server.uri());
            Larder larder = new Larder(http);
            String team = larder.user("team");
            larder.index(team, "team/dev", "{}");
            assertThat(larder.upload("team/dev", team, Multipart.twineLike(uploaded, "kept-upload", "1.0"))
                    .statusCode()).isEqualTo(200);
            String firstUrl = download(http, "evict-first");
            Thread.sleep(1_100); // last-access times one second apart at least
            download(http, "evict-second");
            BlobRecords records = server.bean(BlobRecords.class);
            // A client has its bytes a moment before the download records them: wait for the record.
            long expected = Files.size(first) + Files.size(second);
            for (int i = 0; i < 50 && records.cachedBytes() < expected; i++) {
                Thread.sleep(100);
            }
            long cached = records.cachedBytes();

            long freed = records.evictCachedOver(cached - 1);

            assertThat(cached).isEqualTo(expected);
            assertThat(freed).isPositive();
            assertThat(blobFile(server, first)).doesNotExist();
            assertThat(blobFile(server, second)).exists();
            assertThat(blobFile(server, uploaded)).exists();
            upstream.resetCounts();
            assertThat(http.sendForBytes(http.request(firstUrl).GET()).body()).isEqualTo(Files.readAllBytes(first));
            assertThat(upstream.requests("/files/" + first.getFileName())).isEqualTo(1);
        }
    }

    private static String download(Http http, String project) {
        String page = http.get("/root/pypi/+simple/" + project + "/", "Accept", JSON).body();
        Matcher url = Pattern.compile("\"url\":\"\\.\\./\\.\\./([^\"]+)\"").matcher(page);
        assertThat(url.find()).isTrue();
        String path = "/root/pypi/" + url.group(1);
        HttpResponse<byte[]> response = http.sendForBytes(http.request(path).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return path;
    }

    private static Path blobFile(TestServer server, Path file) throws Exception {
        String sha256 = Multipart.sha256(Files.readAllBytes(file));
        return server.dataFolder().resolve("blobs/sha256").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
