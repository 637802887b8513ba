package dev.larder.catalog;

/** What adding a file did. */
public sealed interface AddedFile {

    ReleaseFile file();

    /** One word for people: what happened to the file. */
    String describe();

    /** A new file. */
    record Added(ReleaseFile file) implements AddedFile {
        @Override
        public String describe() {
            return "Added";
        }
    }

    /** The same filename with the same bytes was already there: nothing changed (an idempotent re-upload). */
    record Unchanged(ReleaseFile file) implements AddedFile {
        @Override
        public String describe() {
            return "Unchanged";
        }
    }

    /** A volatile index took new bytes under an existing filename. */
    record Replaced(ReleaseFile file) implements AddedFile {
        @Override
        public String describe() {
            return "Replaced";
        }
    }
}
