package dev.larder.upstream;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A mirror's upstream URL, with any credentials ({@code https://user:token@host/simple/}) taken out: they go in
 * an Authorization header, and {@link #toString()} never shows them, so they reach no log and no page.
 */
public record UpstreamUrl(URI base, String authorization) {

    public static UpstreamUrl of(URI configured) {
        String userInfo = configured.getRawUserInfo();
        String path = configured.getRawPath() == null || configured.getRawPath().isEmpty() ? "/"
                : configured.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        URI base = URI.create(configured.getScheme() + "://" + configured.getRawAuthority()
                .substring(userInfo == null ? 0 : userInfo.length() + 1) + path);
        String authorization = null;
        if (userInfo != null) {
            String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            authorization = "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        }
        return new UpstreamUrl(base, authorization);
    }

    /** {@code <base>/<project>/}, the page of one project. */
    public URI project(String normalizedName) {
        return base.resolve(normalizedName + "/");
    }

    /** Whether a file URL is on the same host, so upstream's credentials may go with it. */
    public boolean sameOrigin(URI url) {
        return base.getScheme().equalsIgnoreCase(url.getScheme()) && base.getHost().equalsIgnoreCase(url.getHost())
                && base.getPort() == url.getPort();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
