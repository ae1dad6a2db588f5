package dev.tgdialog.widgets;

import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A store that keeps only the codec's JSON, so every update of a picker test reads back what was serialised. */
final class PickerJsonStore implements StackStore {
    private final Map<StackKey, String> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<Stack> load(StackKey key) {
        return Optional.ofNullable(documents.get(key)).map(StackCodec::decode);
    }

    @Override
    public synchronized boolean save(StackKey key, long expectedVersion, Stack stack) {
        long current = load(key).map(Stack::version).orElse(0L);
        if (current != expectedVersion) {
            return false;
        }
        documents.put(key, StackCodec.encode(stack));
        return true;
    }

    /** The JSON document of a private chat's default stack with this user. */
    String document(long userId) {
        return documents.get(StackKey.of(1_000_000, userId, userId));
    }
}
