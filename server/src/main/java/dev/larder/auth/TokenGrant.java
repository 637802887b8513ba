package dev.larder.auth;

import dev.larder.index.IndexName;
import java.util.List;

/** What a token adds to its user's rights: a scope, and optionally the only indexes it works on. */
public record TokenGrant(String id, TokenScope scope, List<IndexName> indexes) {

    public TokenGrant {
        indexes = List.copyOf(indexes);
    }

    public boolean covers(IndexName index) {
        return indexes.isEmpty() || indexes.contains(index);
    }
}
