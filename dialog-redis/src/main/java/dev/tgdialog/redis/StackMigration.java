package dev.tgdialog.redis;

/**
 * Rewrites a stored stack document of an older {@link dev.tgdialog.store.StackCodec} format into the current one
 * ({@link dev.tgdialog.store.StackCodec#FORMAT_VERSION}), so stacks saved by an older tgdialog load after an
 * upgrade. {@link RedisStackStore} calls it on load, only for documents whose {@code "v"} differs, and writes the
 * result back (once, by compare-and-set on the old text). Must be thread-safe.
 */
@FunctionalInterface
public interface StackMigration {

    /**
     * The document in the current format.
     *
     * @param format the stored document's format version ({@code "v"})
     * @param document the stored JSON text
     * @throws Exception when the document cannot be migrated; the load then fails with a
     *     {@link dev.tgdialog.store.StackStoreException}
     */
    String migrate(int format, String document) throws Exception;

    /** No migration: a document of another format fails to load with a clear error. */
    static StackMigration none() {
        return (format, document) -> document;
    }
}
