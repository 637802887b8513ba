package dev.larder.cli;

/** {@code PROJECT==VERSION}, as pip writes a pinned requirement. */
record ReleaseSpec(String project, String version) {

    static ReleaseSpec parse(String text) {
        int at = text.indexOf("==");
        if (at <= 0 || at + 2 >= text.length()) {
            throw CliException.usage("Expected PROJECT==VERSION, got '" + text + "'.");
        }
        return new ReleaseSpec(text.substring(0, at).strip(), text.substring(at + 2).strip());
    }

    /** {@code /+api/indexes/<index>/projects/<project>/<version>} */
    String path(String index) {
        return "/+api/indexes/" + index + "/projects/" + ApiClient.segment(project) + "/" + ApiClient.segment(version);
    }
}
