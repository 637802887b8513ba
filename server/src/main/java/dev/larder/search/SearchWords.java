package dev.larder.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words search matches on: runs of ASCII letters and digits, lower-cased, two characters or more. A project's
 * words come from its name (so "json" finds "fast-json") and its summary.
 */
final class SearchWords {

    static final int MAX_WORD_LENGTH = 64;
    /** A summary is at most 2048 characters; its first words describe it best. */
    static final int MAX_WORDS_PER_PROJECT = 128;
    static final int MAX_QUERY_WORDS = 8;
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private SearchWords() {}

    static Set<String> of(String text, int max) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() >= 2 && word.length() <= MAX_WORD_LENGTH) {
                words.add(word);
                if (words.size() == max) {
                    break;
                }
            }
        }
        return words;
    }
}
