package dev.larder.api;

import dev.larder.account.UserName;
import dev.larder.audit.AuditLog;
import dev.larder.auth.Authenticator;
import dev.larder.auth.Caller;
import dev.larder.auth.Permissions;
import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.IndexOptions;
import dev.larder.index.IndexType;
import dev.larder.index.Indexes;
import dev.larder.packaging.ProjectName;
import dev.larder.platform.JsonBody;
import dev.larder.platform.ProblemException;
import dev.larder.upstream.MirrorPage;
import dev.larder.upstream.MirrorPages;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /+api/indexes}: create, list, show, change and delete indexes (SPEC §2, §3, §5b). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class IndexesController {

    private final Indexes indexes;
    private final MirrorPages mirrors;
    private final Authenticator authenticator;
    private final JsonBody json;
    private final AuditLog audit;

    IndexesController(Indexes indexes, MirrorPages mirrors, Authenticator authenticator, JsonBody json,
                      AuditLog audit) {
        this.indexes = indexes;
        this.mirrors = mirrors;
        this.authenticator = authenticator;
        this.json = json;
        this.audit = audit;
    }

    @Put(uri = "/+api/indexes/{user}/{index}", consumes = "*/*")
    HttpResponse<?> create(@PathVariable String user, @PathVariable String index, HttpRequest<?> request,
                           @Nullable @Body InputStream body) {
        IndexName name = new IndexName(new UserName(user), index);
        Caller caller = authenticator.authenticate(request);
        Permissions.requireIndexOwner(caller, name);
        Map<String, Object> options = json.object(body);
        Index created = indexes.create(name, IndexOptions.forNewIndex(name.user(), options));
        audit.record(caller.actorName(), Authenticator.addressOf(request), "index.create", name.toString(),
                options.toString());
        return HttpResponse.status(HttpStatus.CREATED).body(IndexOptions.describe(name, created.config()));
    }

    @Get(uri = "/+api/indexes")
    Map<String, Object> list(HttpRequest<?> request) {
        Caller caller = authenticator.authenticate(request);
        List<Map<String, Object>> visible = indexes.list().stream()
                .filter(index -> Permissions.canRead(caller, index))
                .map(index -> IndexOptions.describe(index.name(), index.config()))
                .toList();
        return Map.of("indexes", visible);
    }

    @Get(uri = "/+api/indexes/{user}/{index}")
    Map<String, Object> show(@PathVariable String user, @PathVariable String index, HttpRequest<?> request) {
        Index found = indexes.require(new IndexName(new UserName(user), index));
        Permissions.requireRead(authenticator.authenticate(request), found);
        return IndexOptions.describe(found.name(), found.config());
    }

    @Patch(uri = "/+api/indexes/{user}/{index}", consumes = "*/*")
    Map<String, Object> modify(@PathVariable String user, @PathVariable String index, HttpRequest<?> request,
                               @Nullable @Body InputStream body) {
        IndexName name = new IndexName(new UserName(user), index);
        Caller caller = authenticator.authenticate(request);
        Permissions.requireIndexOwner(caller, name);
        Map<String, Object> options = json.object(body);
        IndexConfig changed = IndexOptions.apply(indexes.require(name).config(), options);
        Index updated = indexes.update(name, changed);
        audit.record(caller.actorName(), Authenticator.addressOf(request), "index.modify", name.toString(),
                options.toString());
        return IndexOptions.describe(name, updated.config());
    }

    /** Asks a mirror's upstream for a project's page now, whatever its age (SPEC §6, admin's refresh). */
    @Post(uri = "/+api/indexes/{user}/{index}/refresh/{project}", consumes = "*/*")
    Map<String, Object> refresh(@PathVariable String user, @PathVariable String index, @PathVariable String project,
                                HttpRequest<?> request) {
        IndexName name = new IndexName(new UserName(user), index);
        Caller caller = authenticator.authenticate(request);
        Permissions.requireIndexOwner(caller, name);
        Index mirror = indexes.require(name);
        if (mirror.type() != IndexType.MIRROR) {
            throw ProblemException.invalid("Index '" + name + "' is not a mirror; only mirrors fetch from upstream.");
        }
        ProjectName projectName = new ProjectName(project);
        Optional<MirrorPage> page = mirrors.refresh(mirror, projectName);
        audit.record(caller.actorName(), Authenticator.addressOf(request), "mirror.refresh", name + " " + projectName,
                null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", name.toString());
        out.put("project", projectName.value());
        out.put("found", page.isPresent());
        out.put("stale", page.map(MirrorPage::stale).orElse(false));
        out.put("files", page.map(p -> p.project().files().size()).orElse(0));
        out.put("fetched_at", page.map(p -> p.fetchedAt().toString()).orElse(null));
        return out;
    }

    @Delete(uri = "/+api/indexes/{user}/{index}")
    HttpResponse<?> delete(@PathVariable String user, @PathVariable String index, HttpRequest<?> request) {
        IndexName name = new IndexName(new UserName(user), index);
        Caller caller = authenticator.authenticate(request);
        Permissions.requireIndexOwner(caller, name);
        indexes.delete(name);
        audit.record(caller.actorName(), Authenticator.addressOf(request), "index.delete", name.toString(), null);
        return HttpResponse.noContent();
    }
}
