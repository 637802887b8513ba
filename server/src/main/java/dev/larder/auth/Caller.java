package dev.larder.auth;

import dev.larder.account.User;

/** Who sent a request. */
public sealed interface Caller {

    /** No credentials were sent. */
    record Anonymous() implements Caller {}

    /** A user, by password ({@code token == null}) or by one of the user's tokens. */
    record Authenticated(User user, TokenGrant token) implements Caller {}

    Caller ANONYMOUS = new Anonymous();

    /** The user's name, or null for anonymous: how the audit log names the actor. */
    default String actorName() {
        return this instanceof Authenticated a ? a.user().name().value() : null;
    }
}
