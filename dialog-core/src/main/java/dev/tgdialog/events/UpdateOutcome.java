package dev.tgdialog.events;

/** How the handling of one update ended, as intake sees it. */
public enum UpdateOutcome {
    /**
     * Applied and acknowledged. An author exception that went to the error handlers ends here too (it is reported
     * on its own as an {@link ErrorKind#HANDLER} error): the update stands, its stack left as it was.
     */
    HANDLED,
    /** Failed (the stack store could not be reached, say): intake leaves it for Telegram to deliver again. */
    FAILED,
    /**
     * Acknowledged without being applied: the user's queue was full, or the store was down during a click (the
     * click was answered "try again").
     */
    DROPPED
}
