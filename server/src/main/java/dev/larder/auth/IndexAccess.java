package dev.larder.auth;

import dev.larder.index.Index;
import dev.larder.index.IndexName;
import dev.larder.index.Indexes;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** The index a request names, once its caller is known to be allowed to read it (404, 401 or 403 otherwise). */
@Singleton
public class IndexAccess {

    private final Indexes indexes;
    private final Authenticator authenticator;

    IndexAccess(Indexes indexes, Authenticator authenticator) {
        this.indexes = indexes;
        this.authenticator = authenticator;
    }

    public Caller caller(HttpRequest<?> request) {
        return authenticator.authenticate(request);
    }

    /** An existing index, whatever the caller may do with it; the caller's rights are checked after. */
    public Index existing(String user, String index) {
        return indexes.require(IndexName.parse(user + "/" + index));
    }

    public Index readable(HttpRequest<?> request, String user, String index) {
        Caller caller = authenticator.authenticate(request);
        Index target = indexes.require(IndexName.parse(user + "/" + index));
        Permissions.requireRead(caller, target);
        return target;
    }
}
