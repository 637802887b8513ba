package dev.larder.api;

import dev.larder.audit.AuditLog;
import dev.larder.auth.Authenticator;
import dev.larder.auth.Caller;
import dev.larder.auth.NewToken;
import dev.larder.auth.Permissions;
import dev.larder.auth.TokenInfo;
import dev.larder.auth.TokenScope;
import dev.larder.auth.Tokens;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /+api/tokens}: a user's API tokens (SPEC §8). The secret is in the create answer only. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class TokensController {

    private final Tokens tokens;
    private final Indexes indexes;
    private final Authenticator authenticator;
    private final JsonBody json;
    private final AuditLog audit;

    TokensController(Tokens tokens, Indexes indexes, Authenticator authenticator, JsonBody json, AuditLog audit) {
        this.tokens = tokens;
        this.indexes = indexes;
        this.authenticator = authenticator;
        this.json = json;
        this.audit = audit;
    }

    @Post(uri = "/+api/tokens", consumes = "*/*")
    HttpResponse<NewToken> create(HttpRequest<?> request, @Nullable @Body InputStream body) {
        Caller.Authenticated caller = Permissions.requireAuthenticated(authenticator.authenticate(request),
                "create a token");
        if (caller.token() != null) {
            // A token must not mint tokens: that would let a narrow token widen itself.
            throw ProblemException.forbidden("Tokens are created with a password login, not with another token.");
        }
        Map<String, Object> fields = json.object(body);
        ApiFields.only(fields, "scope", "indexes", "expires_in", "description");
        String scopeName = JsonBody.string(fields, "scope");
        if (scopeName == null) {
            throw ProblemException.invalid("Field 'scope' is required: \"read\" or \"upload\".");
        }
        List<IndexName> names = indexNames(fields.get("indexes"));
        NewToken created = tokens.create(caller.user(), TokenScope.fromWireName(scopeName), names,
                expiry(fields.get("expires_in")), JsonBody.string(fields, "description"));
        audit.record(caller.actorName(), Authenticator.addressOf(request), "token.create", "token " + created.id(),
                "scope " + created.scope() + (names.isEmpty() ? "" : ", indexes " + names));
        return HttpResponse.status(HttpStatus.CREATED).body(created);
    }

    /** Who the credentials of this request belong to, and through which token: what {@code larder whoami} shows. */
    @Get(uri = "/+api/whoami")
    Map<String, Object> whoami(HttpRequest<?> request) {
        Caller.Authenticated caller = Permissions.requireAuthenticated(authenticator.authenticate(request),
                "see who you are");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", caller.user().name().value());
        out.put("root", caller.user().name().isRoot());
        if (caller.token() != null) {
            out.put("token", caller.token().id());
            out.put("scope", caller.token().scope().wireName());
            out.put("indexes", caller.token().indexes().stream().map(IndexName::toString).toList());
        }
        return out;
    }

    @Get(uri = "/+api/tokens")
    Map<String, List<TokenInfo>> list(HttpRequest<?> request) {
        Caller.Authenticated caller = Permissions.requireAuthenticated(authenticator.authenticate(request),
                "list your tokens");
        return Map.of("tokens", tokens.list(caller.user()));
    }

    @Delete(uri = "/+api/tokens/{id}")
    HttpResponse<?> revoke(@PathVariable String id, HttpRequest<?> request) {
        Caller.Authenticated caller = Permissions.requireAuthenticated(authenticator.authenticate(request),
                "revoke a token");
        tokens.revoke(caller.user(), id);
        audit.record(caller.actorName(), Authenticator.addressOf(request), "token.revoke", "token " + id, null);
        return HttpResponse.noContent();
    }

    private List<IndexName> indexNames(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ProblemException.invalid("Field 'indexes' must be a list of \"user/index\" strings.");
        }
        List<IndexName> names = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw ProblemException.invalid("Field 'indexes' must be a list of \"user/index\" strings.");
            }
            IndexName name = IndexName.parse(text);
            indexes.require(name);
            names.add(name);
        }
        return names;
    }

    private static Duration expiry(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.longValue() > 0 && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Duration.ofSeconds(n.longValue());
        }
        throw ProblemException.invalid("Field 'expires_in' must be a whole number of seconds greater than 0.");
    }
}
