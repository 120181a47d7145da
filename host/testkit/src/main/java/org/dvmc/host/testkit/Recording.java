package org.dvmc.host.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the first {@code limit} items recorded and counts the rest, so that a long run cannot grow
 * memory without bound while a test still sees what happened first.
 */
final class Recording<T> {

    private final int limit;
    private final List<T> items = new ArrayList<>();
    private long total;

    Recording(int limit) {
        this.limit = limit;
    }

    void add(T item) {
        total++;
        if (items.size() < limit) {
            items.add(item);
        }
    }

    List<T> view() {
        return Collections.unmodifiableList(items);
    }

    long total() {
        return total;
    }

    void clear() {
        items.clear();
        total = 0;
    }
}
