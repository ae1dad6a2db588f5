package dev.tgdialog.store;

/** A stack store could not be reached or answered nonsense; the update is not applied and will be delivered again. */
public class StackStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StackStoreException(String message) {
        super(message);
    }
}
