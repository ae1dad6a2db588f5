package dev.tgdialog.events;

/** How one HTTP request of a Bot API call ended. */
public enum CallOutcome {
    /** Telegram answered {@code ok}. */
    OK,
    /** Telegram (or something in between) answered with an error; the event carries its code. */
    ERROR,
    /** No answer: the connection could not be made, or broke. */
    NETWORK,
    /** No answer in time: connecting or waiting for the answer timed out. */
    TIMEOUT
}
