package dev.tgdialog.internal.publish;

import dev.tgdialog.store.StackStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot record in which a publisher remembers what it wrote to Telegram, so that a later start removes what is no
 * longer declared. Read and written without throwing: a record that cannot be read means nothing is removed, one that
 * cannot be written means the next start removes less; either is one WARN.
 *
 * @param what what is published, for the log: {@code "commands"}, {@code "profile texts"}
 */
record PublishedRecord(StackStore store, long botId, String name, String what) {
    private static final Logger log = LoggerFactory.getLogger(PublishedRecord.class);

    /**
     * The record's document; empty when there is none or it cannot be read. A store that keeps no records is only
     * worth a WARN when something is declared (a bot that declares nothing has nothing to remove later either).
     */
    Optional<String> load(boolean declaresAny) {
        try {
            return store.loadBotRecord(botId, name);
        } catch (UnsupportedOperationException e) {
            if (declaresAny) {
                log.warn(
                        "The store keeps no bot records, so {} no longer declared are not removed: {}",
                        what,
                        e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Could not read which {} were published before; none are removed: {}", what, e.toString());
        }
        return Optional.empty();
    }

    void save(String document) {
        try {
            store.saveBotRecord(botId, name, document);
        } catch (RuntimeException e) {
            log.warn("Could not remember which {} were published: {}", what, e.toString());
        }
    }
}
