package dev.larder.search;

/** A search result and why it matched; results come best match first (exact name, name prefix, words). */
public record SearchHit(ProjectListing listing, Match match) {

    public enum Match { EXACT_NAME, NAME_PREFIX, WORDS }
}
