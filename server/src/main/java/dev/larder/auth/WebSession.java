package dev.larder.auth;

import dev.larder.account.UserName;
import java.time.Instant;

/**
 * A person logged in through the web pages.
 *
 * @param csrfToken what every form the person posts must carry, so another site cannot post in their name
 */
public record WebSession(String id, UserName user, String csrfToken, Instant createdAt) {}
