package dev.tgdialog.internal.engine;

import dev.tgdialog.Key;
import dev.tgdialog.store.StackStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The values a bot keeps per user across dialogs and chats ({@code DialogContext.userValue}): each a user record of
 * the stack store named after its key, so they live where the user's language does, need no store of their own and
 * go with {@code forgetUser}. Read and written when asked, one record per key: a setting costs nothing on updates
 * that do not look at it.
 */
final class UserValues {
    /** Keeps authors' names apart from the engine's own records ("language", "payments", ...). */
    private static final String PREFIX = "value.";

    private final StackStore store;
    private final long botId;

    UserValues(StackStore store, long botId) {
        this.store = store;
        this.botId = botId;
    }

    <T> Optional<T> get(long userId, Key<T> key) {
        Optional<String> json = store.loadUserRecord(botId, requireUser(userId, key), PREFIX + key.name());
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DataCodec.decode(json.get(), key.type()));
        } catch (RuntimeException e) {
            // A key whose type changed since the value was kept: say which, rather than a bare JSON error.
            throw new IllegalStateException(
                    "the value kept for user " + userId + " under \"" + key.name() + "\" does not read as "
                            + key.type().getTypeName() + " (was its key's type changed?)",
                    e);
        }
    }

    <T> void save(long userId, Key<T> key, @Nullable T value) {
        store.saveUserRecord(
                botId,
                requireUser(userId, key),
                PREFIX + key.name(),
                value == null ? null : DataCodec.encode(value, key.type()));
    }

    private static long requireUser(long userId, Key<?> key) {
        if (userId == 0) {
            throw new IllegalStateException("no user to keep \"" + key.name() + "\" for: the update came from no user"
                    + " (a channel post, or a background action started for no user)");
        }
        return userId;
    }
}
