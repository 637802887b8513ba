package dev.larder.api;

import dev.larder.audit.AuditLog;
import dev.larder.auth.Authenticator;
import dev.larder.auth.Caller;
import dev.larder.auth.IndexAccess;
import dev.larder.auth.Permissions;
import dev.larder.catalog.Catalog;
import dev.larder.catalog.ProjectView;
import dev.larder.catalog.ReleaseFile;
import dev.larder.catalog.ReleaseView;
import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.packaging.Version;
import dev.larder.platform.JsonBody;
import dev.larder.platform.PathSegments;
import dev.larder.platform.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /+api/indexes/{user}/{index}/projects...}: browse releases, yank, delete and push them (SPEC §5b). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectsController {

    private final Indexes indexes;
    private final IndexAccess access;
    private final Catalog catalog;
    private final JsonBody json;
    private final AuditLog audit;

    ProjectsController(Indexes indexes, IndexAccess access, Catalog catalog, JsonBody json, AuditLog audit) {
        this.indexes = indexes;
        this.access = access;
        this.catalog = catalog;
        this.json = json;
        this.audit = audit;
    }

    @Get(uri = "/+api/indexes/{user}/{index}/projects")
    Map<String, Object> projects(@PathVariable String user, @PathVariable String index, HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        List<String> names = catalog.projects(target).stream().map(p -> p.name().value()).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", target.name().toString());
        out.put("projects", names);
        return out;
    }

    @Get(uri = "/+api/indexes/{user}/{index}/projects/{project}")
    Map<String, Object> project(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                                HttpRequest<?> request) {
        Index target = access.readable(request, user, index);
        return describe(requireProject(target, new ProjectName(project)));
    }

    @Patch(uri = "/+api/indexes/{user}/{index}/projects/{project}/{+version}", consumes = "*/*")
    Map<String, Object> yank(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                             @PathVariable String version, HttpRequest<?> request, @Nullable @Body InputStream body) {
        Caller caller = access.caller(request);
        Index target = access.existing(user, index);
        Permissions.requireUpload(caller, target);
        Map<String, Object> fields = json.object(body);
        ApiFields.only(fields, "yanked");
        Object yanked = fields.get("yanked");
        boolean isYanked;
        String reason = null;
        if (yanked instanceof Boolean flag) {
            isYanked = flag;
        } else if (yanked instanceof String text) {
            isYanked = true;
            reason = text;
        } else {
            throw ProblemException.invalid("Field 'yanked' must be true, false or a reason (a string).");
        }
        ReleaseView release = catalog.setYanked(target, new ProjectName(project), Version.parse(PathSegments.restorePlus(version)), isYanked,
                reason);
        audit.record(caller.actorName(), Authenticator.addressOf(request), isYanked ? "release.yank" : "release.unyank",
                target.name() + " " + project + "==" + PathSegments.restorePlus(version), reason);
        return describeRelease(release);
    }

    @Delete(uri = "/+api/indexes/{user}/{index}/projects/{project}/{+version}")
    HttpResponse<?> delete(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                           @PathVariable String version, HttpRequest<?> request) {
        Caller caller = access.caller(request);
        Index target = access.existing(user, index);
        Permissions.requireUpload(caller, target);
        if (!target.config().volatileIndex() && !Permissions.isRoot(caller)) {
            throw ProblemException.forbidden("Index '" + target.name() + "' is not volatile: only root may delete"
                    + " its releases, and their filenames can never be used again.");
        }
        List<String> deleted = catalog.deleteRelease(target, new ProjectName(project), Version.parse(PathSegments.restorePlus(version)));
        audit.record(caller.actorName(), Authenticator.addressOf(request), "release.delete",
                target.name() + " " + project + "==" + PathSegments.restorePlus(version), String.join(", ", deleted));
        return HttpResponse.noContent();
    }

    @Post(uri = "/+api/indexes/{user}/{index}/projects/{project}/{+version}/push", consumes = "*/*")
    HttpResponse<?> push(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                         @PathVariable String version, HttpRequest<?> request, @Nullable @Body InputStream body) {
        Caller caller = access.caller(request);
        Index source = access.readable(request, user, index);
        Map<String, Object> fields = json.object(body);
        ApiFields.only(fields, "target");
        String targetName = JsonBody.string(fields, "target");
        if (targetName == null) {
            throw ProblemException.invalid("Field 'target' is required: the \"user/index\" to push to.");
        }
        Index target = indexes.require(IndexName.parse(targetName));
        Permissions.requireUpload(caller, target);
        if (target.id() == source.id()) {
            throw ProblemException.invalid("Cannot push a release to the index it is in.");
        }
        ReleaseView pushed = catalog.push(source, new ProjectName(project), Version.parse(PathSegments.restorePlus(version)), target,
                ((Caller.Authenticated) caller).user());
        audit.record(caller.actorName(), Authenticator.addressOf(request), "release.push",
                source.name() + " " + project + "==" + PathSegments.restorePlus(version), "to " + target.name());
        return HttpResponse.status(HttpStatus.CREATED).body(describeRelease(pushed));
    }

    private ProjectView requireProject(Index index, ProjectName name) {
        return catalog.project(index, name).orElseThrow(() -> ProblemException.notFound(
                "Project '" + name + "' is not in index '" + index.name() + "'."));
    }

    private static Map<String, Object> describe(ProjectView project) {
        Map<String, Object> versions = new LinkedHashMap<>();
        for (ReleaseView release : project.releases()) {
            versions.put(release.version().toString(), describeRelease(release));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", project.name().value());
        out.put("versions", versions);
        return out;
    }

    private static Map<String, Object> describeRelease(ReleaseView release) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", release.version().toString());
        out.put("yanked", !release.yanked() ? Boolean.FALSE
                : release.yankedReason() == null ? Boolean.TRUE : release.yankedReason());
        out.put("files", release.files().stream().map(ProjectsController::describeFile).toList());
        return out;
    }

    private static Map<String, Object> describeFile(ReleaseFile file) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filename", file.filename());
        out.put("sha256", file.digests().sha256());
        out.put("size", file.size());
        out.put("from", file.from().toString());
        return out;
    }
}
