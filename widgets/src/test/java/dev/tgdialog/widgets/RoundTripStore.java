package dev.tgdialog.widgets;

import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackCodec;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A store that keeps only the codec's JSON, so every update reads back what was serialised. */
final class RoundTripStore implements StackStore {
    final Map<StackKey, String> documents = new ConcurrentHashMap<>();

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
}
