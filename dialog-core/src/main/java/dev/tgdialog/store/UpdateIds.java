package dev.tgdialog.store;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The immutable list of a stack's recent update ids, kept as primitive {@code long}s: every stored stack has one,
 * and boxed {@code Long}s would cost an object per id.
 */
final class UpdateIds extends AbstractList<Long> implements RandomAccess {
    private static final UpdateIds EMPTY = new UpdateIds(new long[0]);

    private final long[] ids;

    private UpdateIds(long[] ids) {
        this.ids = ids;
    }

    static List<Long> copyOf(List<Long> ids) {
        if (ids instanceof UpdateIds compact) {
            return compact;
        }
        if (ids.isEmpty()) {
            return EMPTY;
        }
        long[] copy = new long[ids.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = ids.get(i);
        }
        return new UpdateIds(copy);
    }

    @Override
    public Long get(int index) {
        return ids[index];
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public boolean contains(Object o) {
        if (o instanceof Long value) {
            for (long id : ids) {
                if (id == value) {
                    return true;
                }
            }
        }
        return false;
    }
}
