package dev.tgdialog.store;

/**
 * An {@link UpdateIsolation} refused a task because its key already had as many tasks queued or running as the
 * bound allows (one user flooding the bot): the task never ran. Unlike a {@link StackStoreException} this is final,
 * not a request to deliver the update again. It carries no stack trace, since a flood throws many.
 */
public final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StackKey key;
    private final int maxQueuedPerKey;

    /** A refusal of a task of {@code key}, whose queue held {@code maxQueuedPerKey} tasks. */
    public QueueFullException(StackKey key, int maxQueuedPerKey) {
        super(
                "the queue of " + key.asString() + " is full (" + maxQueuedPerKey
                        + " tasks queued or running); the task was dropped",
                null,
                false,
                false);
        this.key = key;
        this.maxQueuedPerKey = maxQueuedPerKey;
    }

    /** The key whose queue was full. */
    public StackKey key() {
        return key;
    }

    /** The bound that was reached: tasks queued or running per key. */
    public int maxQueuedPerKey() {
        return maxQueuedPerKey;
    }
}
