package dev.larder.upload;

import dev.larder.auth.Authenticator;
import dev.larder.auth.Caller;
import dev.larder.auth.Permissions;
import dev.larder.catalog.AddedFile;
import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.index.Indexes;
import dev.larder.platform.Problem;
import dev.larder.platform.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /{user}/{index}} and {@code /{user}/{index}/}: the form twine, poetry and uv send. Both paths are
 * answered directly, since those clients do not follow a redirect on POST.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class UploadController {

    private final UploadService uploads;
    private final Indexes indexes;
    private final Authenticator authenticator;

    UploadController(UploadService uploads, Indexes indexes, Authenticator authenticator) {
        this.uploads = uploads;
        this.indexes = indexes;
        this.authenticator = authenticator;
    }

    // Micronaut matches "/{user}/{index}" with and without the trailing slash.
    @Post(uri = "/{user}/{index}", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> upload(@PathVariable String user, @PathVariable String index, HttpRequest<?> request,
                                @Body InputStream body) throws IOException {
        Caller caller = authenticator.authenticate(request);
        Index target = indexes.require(IndexName.parse(user + "/" + index));
        Permissions.requireUpload(caller, target);
        long length = request.getContentLength();
        if (length > uploads.maxRequestSize()) {
            throw new ProblemException(Problem.TOO_LARGE, "File too large: the upload is " + length
                    + " bytes, over this server's limit of " + uploads.maxRequestSize() + " bytes.");
        }
        Caller.Authenticated uploader = (Caller.Authenticated) caller;
        AddedFile added = uploads.upload(target, uploader.user(), Authenticator.addressOf(request), body,
                request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
        return HttpResponse.ok(added.describe() + " " + added.file().filename() + " in " + target.name() + "\n");
    }
}
