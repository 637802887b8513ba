package dev.larder.catalog;

import java.util.List;
import java.util.Map;

/**
 * What a release says about itself, from the core metadata of its first uploaded file (PyPI's rule: the first
 * upload of a release sets its metadata). {@code other} keeps the remaining fields, e.g. {@code Author} or
 * {@code Classifier}, for the JSON API. {@code displayName} is the project's name as the upload spelled it; it is
 * null in metadata read back from a stored release, whose project keeps the display name.
 */
public record ReleaseMetadata(String displayName, String summary, String requiresPython, List<String> requiresDist,
                              String description, String descriptionContentType, Map<String, List<String>> other) {

    public ReleaseMetadata {
        requiresDist = List.copyOf(requiresDist);
        other = Map.copyOf(other);
    }

    public ReleaseMetadata withDisplayName(String name) {
        return new ReleaseMetadata(name, summary, requiresPython, requiresDist, description, descriptionContentType,
                other);
    }
}
