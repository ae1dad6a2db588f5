package dev.tgdialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A store that implements only the required methods says so loudly when asked to forget, move or keep a bot record. */
class StackStoreDefaultsTest {
    private static final class LoadAndSaveOnly implements StackStore {
        @Override
        public Optional<Stack> load(StackKey key) {
            return Optional.empty();
        }

        @Override
        public boolean save(StackKey key, long expectedVersion, Stack stack) {
            return true;
        }
    }

    @Test
    void forgetMoveAndBotRecords_ofAStoreThatDoesNotImplementThem_throwUnsupported_namingTheStore() {
        StackStore store = new LoadAndSaveOnly();

        assertThatThrownBy(() -> store.forgetUser(1, 2))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(LoadAndSaveOnly.class.getName())
                .hasMessageContaining("forgetUser");
        assertThatThrownBy(() -> store.moveChat(1, -2, -3))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(LoadAndSaveOnly.class.getName())
                .hasMessageContaining("moveChat");
        assertThatThrownBy(() -> store.loadBotRecord(1, "commands"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(LoadAndSaveOnly.class.getName())
                .hasMessageContaining("loadBotRecord");
        assertThatThrownBy(() -> store.saveBotRecord(1, "commands", "[]"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("saveBotRecord");
    }

    @Test
    void userRecords_ofAStoreThatDoesNotImplementThem_areAbsent_andSavingOneThrowsUnsupported() {
        StackStore store = new LoadAndSaveOnly();

        assertThat(store.loadUserRecord(1, 2, "language")).isEmpty();
        assertThatThrownBy(() -> store.saveUserRecord(1, 2, "language", "de -"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(LoadAndSaveOnly.class.getName())
                .hasMessageContaining("saveUserRecord");
    }
}
