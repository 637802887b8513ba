package dev.larder.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which an index and everything it inherits are asked for a project (SPEC §3): the index itself,
 * then its bases breadth-first in the order listed, each index once however many paths lead to it, and every
 * mirror moved to the end, so private indexes always come before public ones.
 */
public final class ResolutionOrder {

    private ResolutionOrder() {}

    /** {@code bases} looks an index's bases up by name; a base that no longer exists is skipped. */
    public static List<Index> of(Index start, Function<IndexName, Index> bases) {
        Set<IndexName> seen = new LinkedHashSet<>();
        List<Index> stages = new ArrayList<>();
        List<Index> mirrors = new ArrayList<>();
        Deque<Index> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start.name());
        while (!queue.isEmpty()) {
            Index index = queue.removeFirst();
            (index.type() == IndexType.MIRROR ? mirrors : stages).add(index);
            for (IndexName baseName : index.config().bases()) {
                if (seen.add(baseName)) {
                    Index base = bases.apply(baseName);
                    if (base != null) {
                        queue.addLast(base);
                    }
                }
            }
        }
        List<Index> order = new ArrayList<>(stages);
        order.addAll(mirrors);
        return order;
    }
}
