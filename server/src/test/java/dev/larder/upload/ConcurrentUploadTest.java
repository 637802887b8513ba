package dev.larder.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.Race;
import dev.larder.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads that race each other: CI jobs of one project often upload at the same moment. */
class ConcurrentUploadTest {

    private static final int UPLOADERS = 8;

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static String team;

    @TempDir
    static Path dist;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        larder.index(team, "team/dev", "{}");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static List<HttpResponse<String>> race(List<Multipart> forms) throws Exception {
        List<Callable<HttpResponse<String>>> uploads = new ArrayList<>();
        for (Multipart form : forms) {
            uploads.add(() -> larder.upload("team/dev", team, form));
        }
        return Race.of(uploads);
    }

    @Test
    void theSameFileUploadedEightTimesAtOnceIsStoredOnceAndEveryUploadGets200() throws Exception {
        Path wheel = Distribution.of("racer", "1.0").wheel(Files.createDirectories(dist.resolve("same")));
        List<Multipart> forms = new ArrayList<>();
        for (int i = 0; i < UPLOADERS; i++) {
            forms.add(Multipart.twineLike(wheel, "racer", "1.0"));
        }

        List<HttpResponse<String>> responses = race(forms);

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(responses).filteredOn(r -> r.body().startsWith("Added")).hasSize(1);
        assertThat(http.get("/+api/indexes/team/dev/projects/racer").body())
                .containsOnlyOnce("racer-1.0-py3-none-any.whl");
    }

    @Test
    void eightVersionsOfANewProjectUploadedAtOnceAllArrive() throws Exception {
        List<Multipart> forms = new ArrayList<>();
        for (int i = 0; i < UPLOADERS; i++) {
            Path wheel = Distribution.of("sprinter", "1." + i).wheel(Files.createDirectories(dist.resolve("v" + i)));
            forms.add(Multipart.twineLike(wheel, "sprinter", "1." + i));
        }

        List<HttpResponse<String>> responses = race(forms);

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        String page = http.get("/team/dev/+simple/sprinter/", "Accept", "application/vnd.pypi.simple.v1+json").body();
        for (int i = 0; i < UPLOADERS; i++) {
            assertThat(page).contains("sprinter-1." + i + "-py3-none-any.whl");
        }
    }
}
