package dev.tgdialog.testing;

import java.util.Objects;

/**
 * One change the bot made to a chat in {@link FakeTelegram}: a message sent, edited or deleted. A chat's history
 * tells an edit from a send, so a test can assert that a window was edited in place rather than sent again.
 */
public sealed interface ChatEvent {

    /** The id of the message this event is about. */
    long messageId();

    /**
     * A message was sent.
     *
     * @param message the message as sent
     */
    record Sent(FakeMessage message) implements ChatEvent {
        public Sent {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public long messageId() {
            return message.messageId();
        }
    }

    /**
     * A message was edited (text, caption, media or reply markup).
     *
     * @param before the message before the edit
     * @param after the message after the edit
     */
    record Edited(FakeMessage before, FakeMessage after) implements ChatEvent {
        public Edited {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public long messageId() {
            return after.messageId();
        }
    }

    /**
     * A message was deleted.
     *
     * @param messageId the deleted message's id
     */
    record Deleted(long messageId) implements ChatEvent {}
}
