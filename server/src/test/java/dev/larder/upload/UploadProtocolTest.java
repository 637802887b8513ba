package dev.larder.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Distribution;
import dev.larder.testing.Http;
import dev.larder.testing.Larder;
import dev.larder.testing.Multipart;
import dev.larder.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy upload API as twine, poetry and uv use it: protocol.md §3 and §10 rows 68-97, sent as raw multipart
 * forms so that each rule can be broken on purpose. Every refusal must be a 4xx with a message, and store nothing.
 */
class UploadProtocolTest {

    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final AtomicInteger PROJECTS = new AtomicInteger();

    private static TestServer server;
    private static Http http;
    private static Larder larder;
    private static String team;

    @TempDir
    static Path dist;

    @BeforeAll
    static void startServer() {
        server = TestServer.on(TestServer.newDataFolder(), Map.of("larder.upload.max-file-size", "200KB"));
        http = new Http(server.uri());
        larder = new Larder(http);
        team = larder.user("team");
        larder.index(team, "team/dev", "{}");
        larder.index(team, "team/scratch", "{\"volatile\": true}");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A new project for each test, so tests do not see each other's files. */
    private static Distribution fresh() {
        return Distribution.of("proto-" + PROJECTS.incrementAndGet(), "1.0");
    }

    private static Path folder() throws Exception {
        return Files.createDirectories(dist.resolve("d" + PROJECTS.incrementAndGet()));
    }

    private static Multipart form(Distribution d, Path file) throws Exception {
        return Multipart.twineLike(file, d.distributionName().replace('_', '-'), "1.0");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message, Distribution d) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(message);
        assertThat(http.get("/team/dev/+simple/" + d.distributionName().replace('_', '-') + "/").statusCode())
                .as("nothing is stored for a refused upload").isEqualTo(404);
    }

    @Test
    void row68_aWheelAndAnSdistUploadWith200AndAppearOnThePage() throws Exception {
        Distribution d = fresh();
        Path folder = folder();

        HttpResponse<String> wheel = larder.upload("team/dev", team, form(d, d.wheel(folder)));
        HttpResponse<String> sdist = larder.upload("team/dev", team, form(d, d.sdist(folder)));

        assertThat(wheel.statusCode()).isEqualTo(200);
        assertThat(sdist.statusCode()).isEqualTo(200);
        assertThat(http.get("/team/dev/+simple/" + d.distributionName().replace('_', '-') + "/").body())
                .contains(d.wheelFilename()).contains(d.sdistFilename());
    }

    @Test
    void row70_aPostWithoutTrailingSlashIsAcceptedWithoutRedirect() throws Exception {
        Distribution d = fresh();
        Multipart form = form(d, d.wheel(folder()));

        HttpResponse<String> response = http.send(http.request("/team/dev")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .header("Content-Type", form.contentType()).header("Authorization", team));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void row71_aTokenIsAcceptedAsUnderscoreTokenAndABadOneIsRefusedWithAMessage() throws Exception {
        String token = larder.token(team, "{\"scope\": \"upload\"}");
        Distribution d = fresh();
        Path wheel = d.wheel(folder());

        HttpResponse<String> bad = larder.upload("team/dev", Http.basic("__token__", "larder-nope"), form(d, wheel));
        HttpResponse<String> good = larder.upload("team/dev", Http.basic("__token__", token), form(d, wheel));
        HttpResponse<String> bearer = larder.upload("team/dev", "Bearer " + token, form(d, wheel));

        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("Invalid or non-existent authentication information");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(bearer.statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsWithoutCredentialsGet401WithABasicChallenge() throws Exception {
        Distribution d = fresh();

        HttpResponse<String> response = larder.upload("team/dev", null, form(d, d.wheel(folder())));

        assertRefused(response, 401, "Log in to upload to index 'team/dev'", d);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"larder\"");
    }

    @Test
    void aUserNotInAclUploadGets403() throws Exception {
        String stranger = larder.user("stranger");
        Distribution d = fresh();

        assertRefused(larder.upload("team/dev", stranger, form(d, d.wheel(folder()))), 403,
                "User 'stranger' may not upload to index 'team/dev'", d);
    }

    @Test
    void aReadTokenMayNotUpload() throws Exception {
        String token = larder.token(team, "{\"scope\": \"read\"}");
        Distribution d = fresh();

        assertRefused(larder.upload("team/dev", Http.basic("__token__", token), form(d, d.wheel(folder()))), 403,
                "may not upload", d);
    }

    @Test
    void row72_anUnknownProtocolVersionIs400() throws Exception {
        Distribution d = fresh();

        assertRefused(larder.upload("team/dev", team, form(d, d.wheel(folder())).set("protocol_version", "2")),
                400, "Unknown protocol version.", d);
    }

    @Test
    void row73_aFormWithoutContentIs400() throws Exception {
        Distribution d = fresh();

        assertRefused(larder.upload("team/dev", team, form(d, d.wheel(folder())).withoutContent()), 400,
                "Upload payload does not have a file.", d);
    }

    @Test
    void row74_aFormWithoutAnyDigestIs400() throws Exception {
        Distribution d = fresh();
        Multipart form = form(d, d.wheel(folder())).without("sha256_digest").without("blake2_256_digest");

        assertRefused(larder.upload("team/dev", team, form), 400, "Include at least one message digest.", d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256_digest", "blake2_256_digest", "md5_digest"})
    void row75_aWrongDigestOfAnyKindIs400(String field) throws Exception {
        Distribution d = fresh();
        Multipart form = form(d, d.wheel(folder())).set(field,
                field.equals("md5_digest") ? "0".repeat(32) : "0".repeat(64));

        assertRefused(larder.upload("team/dev", team, form), 400,
                "The digest supplied does not match a digest calculated from the uploaded file", d);
    }

    @Test
    void row75_digestsAreAcceptedInUpperCaseAndMd5Too() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());
        byte[] bytes = Files.readAllBytes(wheel);
        Multipart form = form(d, wheel).set("sha256_digest", Multipart.sha256(bytes).toUpperCase())
                .field("md5_digest", Multipart.md5(bytes));

        assertThat(larder.upload("team/dev", team, form).statusCode()).isEqualTo(200);
    }

    @Test
    void row76_repeatedMetadataFieldsAreKeptInOrder() throws Exception {
        Distribution d = fresh().metadata("Classifier", "Programming Language :: Python :: 3")
                .metadata("Project-URL", "Source, https://example.invalid/src");
        Path wheel = d.wheel(folder());

        assertThat(larder.upload("team/dev", team, form(d, wheel)).statusCode()).isEqualTo(200);

        String json = http.get("/team/dev/pypi/" + d.distributionName().replace('_', '-') + "/json").body();
        assertThat(json).contains("\"classifiers\":[\"Programming Language :: Python :: 3\"]")
                .contains("\"project_urls\":{\"Source\":\"https://example.invalid/src\"}");
    }

    @Test
    void row77_unknownPlaceholderValuesAreTreatedAsAbsent() throws Exception {
        Distribution d = fresh();
        Multipart form = form(d, d.wheel(folder())).field("comment", "UNKNOWN").set("pyversion", "py3");

        assertThat(larder.upload("team/dev", team, form).statusCode()).isEqualTo(200);
        assertThat(http.get("/team/dev/pypi/" + d.distributionName().replace('_', '-') + "/json").body())
                .contains("\"comment_text\":null");
    }

    @Test
    void row78_twinesSafeNameWithAnUnderscoreFilenameIsAccepted() throws Exception {
        Distribution d = Distribution.of("under_score" + PROJECTS.incrementAndGet(), "1.0");
        Path wheel = d.wheel(folder());

        HttpResponse<String> response = larder.upload("team/dev", team,
                Multipart.twineLike(wheel, d.distributionName().replace('_', '-'), "1.0"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(wheel.getFileName().toString()).startsWith("under_score");
    }

    @Test
    void row79_aWheelWhoseMetadataNamesAnotherProjectIs400() throws Exception {
        Distribution d = fresh().metadataName("someone-else");

        assertRefused(larder.upload("team/dev", team, form(d, d.wheel(folder()))), 400,
                "its metadata names project 'someone-else'", d);
    }

    @Test
    void row79_aWheelWhoseMetadataHasAnotherVersionIs400() throws Exception {
        Distribution d = fresh().metadataClaimsVersion("9.9");

        assertRefused(larder.upload("team/dev", team, form(d, d.wheel(folder()))), 400,
                "its metadata has version '9.9', but the filename has '1.0'", d);
    }

    @Test
    void row80_aFilenameWhoseNameOrVersionDiffersFromTheFormIs400() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());

        assertRefused(larder.upload("team/dev", team, form(d, wheel).set("name", "other-name")), 400,
                "is for project '" + d.distributionName().replace('_', '-') + "', but the form's name is 'other-name'",
                d);
        assertRefused(larder.upload("team/dev", team, form(d, wheel).set("version", "2.0")), 400,
                "has version '1.0', but the form's version is '2.0'", d);
    }

    @Test
    void row81_unknownFiletypesAndMismatchedExtensionsAre400() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());

        assertRefused(larder.upload("team/dev", team, form(d, wheel).set("filetype", "bdist_egg")), 400,
                "Use a known file type", d);
        assertRefused(larder.upload("team/dev", team, form(d, wheel).set("filetype", "sdist").set("pyversion", "source")),
                400, "Invalid file extension: Extension .whl is invalid for filetype sdist.", d);
    }

    @Test
    void row82_pyversionMustBeSourceForSdistsAndPresentForWheels() throws Exception {
        Distribution d = fresh();
        Path folder = folder();

        assertRefused(larder.upload("team/dev", team, form(d, d.sdist(folder)).set("pyversion", "py3")), 400,
                "Use 'source' as Python version for an sdist.", d);
        assertRefused(larder.upload("team/dev", team, form(d, d.wheel(folder)).without("pyversion")), 400,
                "Python version is required for binary distribution uploads.", d);
    }

    @Test
    void row83_anInvalidVersionIs400AndLocalVersionsAreAccepted() throws Exception {
        Distribution d = fresh();
        assertRefused(larder.upload("team/dev", team, form(d, d.wheel(folder())).set("version", "not-a-version")),
                400, "'not-a-version' is an invalid value for Version", d);

        Distribution local = Distribution.of("local-" + PROJECTS.incrementAndGet(), "1.0+cu121");
        HttpResponse<String> accepted = larder.upload("team/dev", team,
                Multipart.twineLike(local.wheel(folder()), local.distributionName().replace('_', '-'), "1.0+cu121"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void row84_metadataVersion30Is400AndEveryKnownVersionIsAccepted() throws Exception {
        Distribution refused = fresh();
        assertRefused(larder.upload("team/dev", team, form(refused, refused.wheel(folder()))
                .set("metadata_version", "3.0")), 400, "'3.0' is an invalid value for Metadata-Version", refused);

        for (String version : new String[] {"1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6"}) {
            Distribution d = fresh().metadataVersion(version);
            HttpResponse<String> response = larder.upload("team/dev", team,
                    form(d, d.wheel(folder())).set("metadata_version", version));
            assertThat(response.statusCode()).as(version + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void row85_anIdenticalReuploadIs200AndAddsNoEntry() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());
        assertThat(larder.upload("team/dev", team, form(d, wheel)).statusCode()).isEqualTo(200);
        String page = http.get("/team/dev/+simple/" + d.distributionName().replace('_', '-') + "/", "Accept", JSON).body();

        HttpResponse<String> again = larder.upload("team/dev", team, form(d, wheel));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).startsWith("Unchanged");
        assertThat(http.get("/team/dev/+simple/" + d.distributionName().replace('_', '-') + "/", "Accept", JSON).body())
                .isEqualTo(page);
    }

    @Test
    void row86_otherBytesUnderAnExistingFilenameAre409FileAlreadyExistsInBodyAndReason() throws Exception {
        Distribution d = fresh();
        assertThat(larder.upload("team/dev", team, form(d, d.wheel(folder()))).statusCode()).isEqualTo(200);
        Path other = d.marker(" changed").wheel(folder());

        HttpResponse<String> response = larder.upload("team/dev", team, form(d, other));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).startsWith("File already exists ('" + d.wheelFilename() + "'");
    }

    @Test
    void aVolatileIndexReplacesTheFileUnderAnExistingName() throws Exception {
        Distribution d = fresh();
        Path first = d.wheel(folder());
        assertThat(larder.upload("team/scratch", team, form(d, first)).statusCode()).isEqualTo(200);
        Path second = d.marker(" changed").wheel(folder());

        HttpResponse<String> response = larder.upload("team/scratch", team, form(d, second));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("Replaced");
        assertThat(http.get("/team/scratch/+simple/" + d.distributionName().replace('_', '-') + "/").body())
                .contains(Multipart.sha256(Files.readAllBytes(second)))
                .doesNotContain(Multipart.sha256(Files.readAllBytes(first)));
    }

    @Test
    void aFilenameDeletedFromANonVolatileIndexCanNeverBeUsedAgain() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());
        assertThat(larder.upload("team/dev", team, form(d, wheel)).statusCode()).isEqualTo(200);
        String project = d.distributionName().replace('_', '-');
        assertThat(http.json("DELETE", "/+api/indexes/team/dev/projects/" + project + "/1.0", Larder.ROOT, null)
                .statusCode()).isEqualTo(204);

        HttpResponse<String> again = larder.upload("team/dev", team, form(d, wheel));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).startsWith("File name has been previously used");
    }

    @Test
    void row88_theMessageIsTheReasonPhraseAndJsonWhenTheClientPrefersIt() throws Exception {
        Distribution d = fresh();
        Multipart form = form(d, d.wheel(folder())).set("protocol_version", "7");

        HttpResponse<String> json = larder.upload("team/dev", team, form,
                "Accept", "application/json;q=0.9, text/plain;q=0.8, text/html;q=0.7");

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).isEqualTo("{\"message\":\"Unknown protocol version.\","
                + "\"code\":\"400 Unknown protocol version.\",\"title\":\"Bad Request\"}");
    }

    @Test
    void row89_clientMistakesAreNever5xx() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());
        Multipart[] mistakes = {
                form(d, wheel).without(":action"),
                form(d, wheel).set(":action", "frobnicate"),
                form(d, wheel).without("name"),
                form(d, wheel).without("version"),
                form(d, wheel).without("filetype"),
                form(d, wheel).set("name", "-bad-"),
                form(d, wheel).content("../../etc/passwd", Files.readAllBytes(wheel)),
                form(d, wheel).content("not-a-distribution.txt", new byte[] {1, 2, 3}),
                form(d, wheel).set("sha256_digest", "xyz")};
        for (Multipart mistake : mistakes) {
            HttpResponse<String> response = larder.upload("team/dev", team, mistake);
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.body()).isNotBlank();
        }
        HttpResponse<String> notMultipart = http.send(http.request("/team/dev/").header("Authorization", team)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(notMultipart.body()).contains("multipart/form-data");
    }

    @Test
    void row90_aGpgSignaturePartAndAttestationsFieldAreAccepted() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());
        byte[] bytes = Files.readAllBytes(wheel);
        String boundary = "sig-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"gpg_signature\"; filename=\""
                + d.wheelFilename() + ".asc\"\r\n\r\n-----BEGIN PGP SIGNATURE-----\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attestations\"\r\n\r\n[]\r\n";
        Multipart form = form(d, wheel);
        byte[] rest = form.body();
        String restText = new String(rest, StandardCharsets.ISO_8859_1).replace(form.contentType()
                .substring("multipart/form-data; boundary=".length()), boundary);
        byte[] full = (body + restText).getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = http.send(http.request("/team/dev/")
                .POST(HttpRequest.BodyPublishers.ofByteArray(full))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", team));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(bytes).isNotEmpty();
    }

    @Test
    void row91_nonAsciiMetadataIsStoredIntact() throws Exception {
        Distribution d = fresh().metadata("Author", "Zoë Ångström 山田").description("Ünïcödé ✓ description\n");

        assertThat(larder.upload("team/dev", team, form(d, d.wheel(folder()))).statusCode()).isEqualTo(200);

        String json = http.get("/team/dev/pypi/" + d.distributionName().replace('_', '-') + "/json").body();
        assertThat(json).contains("\"author\":\"Zoë Ångström 山田\"").contains("Ünïcödé ✓ description");
    }

    @Test
    void row92_aMultiMegabyteDescriptionIsAccepted() throws Exception {
        Distribution d = fresh();
        Multipart form = form(d, d.wheel(folder())).field("description", "x".repeat(6 * 1024 * 1024));

        assertThat(larder.upload("team/dev", team, form).statusCode()).isEqualTo(200);
    }

    @Test
    void aFileOverTheSizeLimitIs413AndNothingIsKept() throws Exception {
        Distribution d = fresh();
        byte[] big = new byte[300 * 1024];
        Multipart form = form(d, d.wheel(folder())).content(d.wheelFilename(), big)
                .set("sha256_digest", Multipart.sha256(big)).set("blake2_256_digest", Multipart.blake2b256(big));

        assertRefused(larder.upload("team/dev", team, form), 413, "File too large", d);
        try (var leftovers = Files.list(server.dataFolder().resolve("blobs/tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void row93_aCorruptZipOrAWheelWithoutMetadataIs400InvalidDistributionFile() throws Exception {
        Distribution d = fresh();
        byte[] notZip = "this is not a zip file".getBytes(StandardCharsets.UTF_8);
        byte[] noMetadata = Distribution.zipWithout(d.distributionName() + "-1.0.dist-info/WHEEL",
                d.distributionName() + "-1.0.dist-info/RECORD");
        for (byte[] bytes : new byte[][] {notZip, noMetadata}) {
            Multipart form = form(d, d.wheel(folder())).content(d.wheelFilename(), bytes)
                    .set("sha256_digest", Multipart.sha256(bytes)).set("blake2_256_digest", Multipart.blake2b256(bytes));
            assertRefused(larder.upload("team/dev", team, form), 400,
                    "Invalid distribution file '" + d.wheelFilename() + "'", d);
        }
    }

    @Test
    void row93_aCorruptSdistIs400() throws Exception {
        Distribution d = fresh();
        Path sdist = d.sdist(folder());
        byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(sdist), (int) Files.size(sdist) / 2);
        Multipart form = form(d, sdist).content(d.sdistFilename(), truncated)
                .set("sha256_digest", Multipart.sha256(truncated)).set("blake2_256_digest", Multipart.blake2b256(truncated));

        assertRefused(larder.upload("team/dev", team, form), 400, "Invalid distribution file", d);
    }

    @Test
    void row94_afterAWheelUploadItsMetadataIsExtractedAndAdvertised() throws Exception {
        Distribution d = fresh().requires("requests>=2");
        assertThat(larder.upload("team/dev", team, form(d, d.wheel(folder()))).statusCode()).isEqualTo(200);

        String page = http.get("/team/dev/+simple/" + d.distributionName().replace('_', '-') + "/", "Accept", JSON).body();
        String sha256 = page.replaceAll(".*\"core-metadata\":\\{\"sha256\":\"([0-9a-f]{64})\"}.*", "$1");
        String url = page.replaceAll(".*\"url\":\"\\.\\./\\.\\./([^\"]+)\".*", "$1");
        HttpResponse<byte[]> metadata = http.sendForBytes(http.request("/team/dev/" + url + ".metadata").GET());

        assertThat(Multipart.sha256(metadata.body())).isEqualTo(sha256);
        assertThat(new String(metadata.body(), StandardCharsets.UTF_8)).contains("Requires-Dist: requests>=2");
    }

    @Test
    void row96_submitAndDocUploadAreGone() throws Exception {
        Distribution d = fresh();
        Path wheel = d.wheel(folder());

        assertRefused(larder.upload("team/dev", team, form(d, wheel).set(":action", "submit")), 410,
                "pre-registration is no longer required", d);
        assertRefused(larder.upload("team/dev", team, form(d, wheel).set(":action", "doc_upload")), 410,
                "documentation", d);
    }

    @Test
    void aMirrorIndexRefusesUploads() throws Exception {
        Distribution d = fresh();

        HttpResponse<String> response = larder.upload("root/pypi", Larder.ROOT, form(d, d.wheel(folder())));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("is a mirror of").contains("upload to a stage index instead");
    }

    @Test
    void anUploadToAnIndexThatDoesNotExistIs404() throws Exception {
        Distribution d = fresh();

        HttpResponse<String> response = larder.upload("team/nothing", team, form(d, d.wheel(folder())));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Index 'team/nothing' does not exist.");
    }
}
