package dev.larder.auth;

import dev.larder.account.UserName;
import dev.larder.index.Index;
import dev.larder.index.IndexConfig;
import dev.larder.index.IndexName;
import dev.larder.index.IndexType;
import dev.larder.platform.ProblemException;
import java.util.List;

/**
 * Who may do what (SPEC §1, §2, §8): root everything; a user its own namespace and what ACLs grant; a token its
 * user's rights narrowed to its scope and indexes. Each {@code require} throws 401 to anonymous callers (so
 * pip asks for credentials) and 403 to known callers without the right.
 */
public final class Permissions {

    private Permissions() {}

    public static boolean isRoot(Caller caller) {
        return caller instanceof Caller.Authenticated a && a.user().name().isRoot();
    }

    /** Reading pages, files and JSON of an index: its {@code acl_read}, its owner, or root. */
    public static boolean canRead(Caller caller, Index index) {
        List<String> acl = index.config().aclRead();
        if (acl.contains(IndexConfig.ANONYMOUS)) {
            return true;
        }
        if (!(caller instanceof Caller.Authenticated a) || !covers(a, index.name())) {
            return false;
        }
        UserName user = a.user().name();
        return user.isRoot() || user.equals(index.name().user()) || acl.contains(IndexConfig.AUTHENTICATED)
                || acl.contains(user.value());
    }

    public static void requireRead(Caller caller, Index index) {
        if (!canRead(caller, index)) {
            deny(caller, "read index '" + index.name() + "'");
        }
    }

    /** Uploading to a stage: its {@code acl_upload} or root, with a password or an upload token for it. */
    public static boolean canUpload(Caller caller, Index index) {
        if (index.type() != IndexType.STAGE || !(caller instanceof Caller.Authenticated a) || !canWrite(a, index.name())) {
            return false;
        }
        UserName user = a.user().name();
        List<String> acl = index.config().aclUpload();
        return user.isRoot() || acl.contains(IndexConfig.AUTHENTICATED) || acl.contains(user.value());
    }

    public static void requireUpload(Caller caller, Index index) {
        if (index.type() == IndexType.MIRROR) {
            throw ProblemException.forbidden("Index '" + index.name() + "' is a mirror of "
                    + index.config().mirrorUrl() + "; upload to a stage index instead.");
        }
        if (!canUpload(caller, index)) {
            deny(caller, "upload to index '" + index.name() + "' (see its acl_upload)");
        }
    }

    /** Creating, changing and deleting an index: its owner or root. */
    public static void requireIndexOwner(Caller caller, IndexName index) {
        if (!(caller instanceof Caller.Authenticated a) || !canWrite(a, index)
                || !(a.user().name().isRoot() || a.user().name().equals(index.user()))) {
            deny(caller, "change index '" + index + "' (only its owner and root may)");
        }
    }

    /** Managing a user: root, or the user itself (password, e-mail). */
    public static void requireSelfOrRoot(Caller caller, UserName user) {
        if (!(caller instanceof Caller.Authenticated a) || !unrestricted(a)
                || !(a.user().name().isRoot() || a.user().name().equals(user))) {
            deny(caller, "manage user '" + user + "'");
        }
    }

    public static void requireRoot(Caller caller, String what) {
        if (!isRoot(caller) || !unrestricted((Caller.Authenticated) caller)) {
            deny(caller, what + " (only root may)");
        }
    }

    /** Any logged-in user, e.g. to create a token of its own. */
    public static Caller.Authenticated requireAuthenticated(Caller caller, String what) {
        if (!(caller instanceof Caller.Authenticated a)) {
            throw ProblemException.unauthenticated("Log in to " + what + ".");
        }
        return a;
    }

    private static boolean covers(Caller.Authenticated caller, IndexName index) {
        return caller.token() == null || caller.token().covers(index);
    }

    private static boolean canWrite(Caller.Authenticated caller, IndexName index) {
        return caller.token() == null || (caller.token().scope() == TokenScope.UPLOAD && caller.token().covers(index));
    }

    /** A password login or an upload token valid on every index: needed for account-wide changes. */
    private static boolean unrestricted(Caller.Authenticated caller) {
        return caller.token() == null
                || (caller.token().scope() == TokenScope.UPLOAD && caller.token().indexes().isEmpty());
    }

    private static void deny(Caller caller, String what) {
        if (caller instanceof Caller.Authenticated a) {
            String via = a.token() == null ? "" : " with token " + a.token().id() + " (scope "
                    + a.token().scope().wireName() + (a.token().indexes().isEmpty() ? "" : ", indexes "
                    + a.token().indexes()) + ")";
            throw ProblemException.forbidden("User '" + a.user().name() + "'" + via + " may not " + what + ".");
        }
        throw ProblemException.unauthenticated("Log in to " + what + ".");
    }
}
