package dev.larder.simple;

import java.nio.charset.StandardCharsets;

/** How file URLs spell filenames. */
public final class FileUrls {

    private FileUrls() {}

    /** Percent-encodes all but RFC 3986's unreserved characters: '+' and '!' of local versions and epochs too. */
    public static String encodePathSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
