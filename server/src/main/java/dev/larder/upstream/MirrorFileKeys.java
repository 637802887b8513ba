package dev.larder.upstream;

import dev.larder.platform.Sha256;

/**
 * The key in a mirror file's URL ({@code /+f/<key>/<filename>}): upstream's sha256 when it gave one, so the URL
 * names the bytes; otherwise the sha256 of upstream's URL, which is stable across refreshes of the page.
 */
public final class MirrorFileKeys {

    private MirrorFileKeys() {}

    public static String keyOf(UpstreamFile file) {
        return file.sha256() != null && file.sha256().matches("[0-9a-f]{64}") ? file.sha256() : Sha256.hex(file.url());
    }
}
