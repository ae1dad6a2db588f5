package dev.tgdialog.events;

/** How a call to the stack store ended. */
public enum StoreOutcome {
    /** Done. */
    OK,
    /** A save found another version stored than the one it read: another writer got there first; nothing changed. */
    CONFLICT,
    /** The store could not be reached or answered nonsense. */
    FAILED
}
