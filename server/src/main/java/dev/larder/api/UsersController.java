package dev.larder.api;

import dev.larder.account.Accounts;
import dev.larder.account.User;
import dev.larder.account.UserName;
import dev.larder.audit.AuditLog;
import dev.larder.auth.Authenticator;
import dev.larder.auth.Caller;
import dev.larder.auth.Permissions;
import dev.larder.auth.WebSessions;
import dev.larder.index.IndexName;
import dev.larder.index.Indexes;
import dev.larder.platform.JsonBody;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /+api/users}: root creates and deletes users; a user reads and changes itself (SPEC §5b). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class UsersController {

    private final Accounts accounts;
    private final Indexes indexes;
    private final Authenticator authenticator;
    private final JsonBody json;
    private final AuditLog audit;
    private final WebSessions sessions;

    UsersController(Accounts accounts, Indexes indexes, Authenticator authenticator, JsonBody json, AuditLog audit,
                    WebSessions sessions) {
        this.accounts = accounts;
        this.indexes = indexes;
        this.authenticator = authenticator;
        this.json = json;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Put(uri = "/+api/users/{user}", consumes = "*/*")
    HttpResponse<?> create(@PathVariable String user, HttpRequest<?> request, @Nullable @Body InputStream body) {
        Caller caller = authenticator.authenticate(request);
        Permissions.requireRoot(caller, "create users");
        Map<String, Object> fields = json.object(body);
        ApiFields.only(fields, "password", "email");
        String password = JsonBody.string(fields, "password");
        if (password == null) {
            throw ProblemException.invalid("Field 'password' is required to create a user.");
        }
        User created = accounts.create(new UserName(user), password, JsonBody.string(fields, "email"));
        audit.record(caller.actorName(), Authenticator.addressOf(request), "user.create", user, null);
        return HttpResponse.status(HttpStatus.CREATED).body(describe(created));
    }

    @Get(uri = "/+api/users")
    Map<String, Object> list(HttpRequest<?> request) {
        Permissions.requireRoot(authenticator.authenticate(request), "list users");
        List<Map<String, Object>> users = accounts.list().stream().map(UsersController::describe).toList();
        return Map.of("users", users);
    }

    @Get(uri = "/+api/users/{user}")
    Map<String, Object> show(@PathVariable String user, HttpRequest<?> request) {
        UserName name = new UserName(user);
        Permissions.requireSelfOrRoot(authenticator.authenticate(request), name);
        return describe(accounts.find(name).orElseThrow(() -> notFound(name)));
    }

    @Patch(uri = "/+api/users/{user}", consumes = "*/*")
    Map<String, Object> modify(@PathVariable String user, HttpRequest<?> request, @Nullable @Body InputStream body) {
        UserName name = new UserName(user);
        Caller caller = authenticator.authenticate(request);
        Permissions.requireSelfOrRoot(caller, name);
        Map<String, Object> fields = json.object(body);
        ApiFields.only(fields, "password", "email");
        User changed = accounts.find(name).orElseThrow(() -> notFound(name));
        if (fields.containsKey("password")) {
            changed = accounts.changePassword(name, JsonBody.string(fields, "password"));
            sessions.closeAll(name); // whoever knew the old password is logged out of the web pages
            audit.record(caller.actorName(), Authenticator.addressOf(request), "user.password", user, null);
        }
        if (fields.containsKey("email")) {
            changed = accounts.changeEmail(name, JsonBody.string(fields, "email"));
        }
        return describe(changed);
    }

    @Delete(uri = "/+api/users/{user}")
    HttpResponse<?> delete(@PathVariable String user, HttpRequest<?> request) {
        UserName name = new UserName(user);
        Caller caller = authenticator.authenticate(request);
        Permissions.requireRoot(caller, "delete users");
        if (name.isRoot()) {
            throw ProblemException.conflict("User 'root' cannot be deleted: it is the administrator.");
        }
        User target = accounts.find(name).orElseThrow(() -> notFound(name));
        List<IndexName> owned = indexes.ownedBy(target);
        if (!owned.isEmpty()) {
            throw ProblemException.conflict("User '" + name + "' still owns indexes " + owned
                    + "; delete them first.");
        }
        accounts.delete(name);
        sessions.closeAll(name); // a user created later under the same name must not inherit a login
        audit.record(caller.actorName(), Authenticator.addressOf(request), "user.delete", user, null);
        return HttpResponse.noContent();
    }

    private static ProblemException notFound(UserName name) {
        return ProblemException.notFound("User '" + name + "' does not exist.");
    }

    static Map<String, Object> describe(User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", user.name().value());
        out.put("email", user.email());
        out.put("created_at", user.createdAt().toString());
        return out;
    }
}
