package dev.tgdialog.internal.publish;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetChatMenuButton;
import dev.tgdialog.telegram.methods.SetChatMenuButton;
import dev.tgdialog.telegram.types.MenuButton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a bot's declared default menu button: {@code setChatMenuButton} without a chat, only when
 * {@code getChatMenuButton} answers another button. A failure is logged and never thrown. Thread-safe (no state).
 */
public final class MenuButtonPublisher {
    private static final Logger log = LoggerFactory.getLogger(MenuButtonPublisher.class);

    private final TelegramClient telegram;
    private final MenuButton button;

    public MenuButtonPublisher(TelegramClient telegram, MenuButton button) {
        this.telegram = telegram;
        this.button = button;
    }

    /** Makes Telegram's default menu button the declared one, unless it is already; logs, never throws. */
    public void publish() {
        try {
            if (!button.equals(telegram.execute(GetChatMenuButton.of()))) {
                telegram.execute(new SetChatMenuButton(null, button));
                log.info("Menu button published: {}", button.type());
            }
        } catch (RuntimeException e) {
            log.warn("Could not publish the menu button: {}", e.toString());
        }
    }
}
