package dev.larder.web;

/**
 * Who is looking at a page, as the page header shows it.
 *
 * @param user the logged-in user's name, or null for an anonymous visitor
 * @param csrfToken the token the logout form carries; null without a web session
 */
public record Viewer(String user, String csrfToken) {

    static final Viewer ANONYMOUS = new Viewer(null, null);

    public boolean loggedIn() {
        return user != null;
    }
}
