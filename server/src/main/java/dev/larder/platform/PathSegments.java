package dev.larder.platform;

/** Path variables as Micronaut hands them over. */
public final class PathSegments {

    private PathSegments() {}

    /**
     * Micronaut decodes path variables like form fields, so a literal "+" in a path (a local version such as
     * {@code 2.1.0+cu121}, sent unencoded by curl or a script) arrives as a space. Versions and distribution
     * filenames never contain spaces, so every space there was a "+".
     */
    public static String restorePlus(String decoded) {
        return decoded.replace(' ', '+');
    }
}
