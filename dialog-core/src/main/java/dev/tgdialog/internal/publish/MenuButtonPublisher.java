package dev.tgdialog.internal.publish;

import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetChatMenuButton;
import dev.tgdialog.telegram.methods.SetChatMenuButton;
import dev.tgdialog.telegram.types.MenuButton;
import dev.tgdialog.telegram.types.MenuButtonDefault;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a bot's declared default menu button: {@code setChatMenuButton} without a chat, only when
 * {@code getChatMenuButton} answers another button. A button it published before and no longer declares is reset to
 * {@link MenuButtonDefault}, which it knows from the bot record {@link #RECORD}. A failure is logged and never
 * thrown. Thread-safe (it keeps no state between calls).
 */
public final class MenuButtonPublisher {
    private static final Logger log = LoggerFactory.getLogger(MenuButtonPublisher.class);

    /** The bot record saying whether a default menu button was published: {@code "true"} or {@code "false"}. */
    public static final String RECORD = "published-menu-button";

    private final TelegramClient telegram;
    private final PublishedRecord record;
    private final @Nullable MenuButton button;

    /** A publisher of {@code button}; {@code null} when none is declared. */
    public MenuButtonPublisher(TelegramClient telegram, StackStore store, long botId, @Nullable MenuButton button) {
        this.telegram = telegram;
        this.record = new PublishedRecord(store, botId, RECORD, "menu buttons");
        this.button = button;
    }

    /** Makes Telegram's default menu button the declared one, unless it is already; logs, never throws. */
    public void publish() {
        boolean before = record.load(button != null).map(Boolean::parseBoolean).orElse(false);
        MenuButton declared = button;
        if (declared == null) {
            if (before) {
                reset();
            }
            return;
        }
        try {
            if (!declared.equals(telegram.execute(GetChatMenuButton.of()))) {
                telegram.execute(new SetChatMenuButton(null, declared));
                log.info("Menu button published: {}", declared.type());
            }
            if (!before) {
                record.save("true");
            }
        } catch (RuntimeException e) {
            log.warn("Could not publish the menu button: {}", e.toString());
        }
    }

    private void reset() {
        try {
            telegram.execute(new SetChatMenuButton(null, MenuButtonDefault.of()));
            record.save("false");
            log.info("Menu button no longer declared: reset to the default");
        } catch (RuntimeException e) {
            log.warn("Could not reset the menu button: {}", e.toString());
        }
    }
}
