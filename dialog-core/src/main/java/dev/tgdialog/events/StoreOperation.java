package dev.tgdialog.events;

/** A call of the engine to its stack store. */
public enum StoreOperation {
    /** One read of a whole stack, before an update is routed. */
    LOAD,
    /** One compare-and-set write of a whole stack, after an update was applied. */
    SAVE
}
