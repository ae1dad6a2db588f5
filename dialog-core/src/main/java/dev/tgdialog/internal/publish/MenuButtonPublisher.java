package dev.tgdialog.internal.publish;

import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetChatMenuButton;
import dev.tgdialog.telegram.methods.SetChatMenuButton;
import dev.tgdialog.telegram.types.MenuButton;
import dev.tgdialog.telegram.types.MenuButtonDefault;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a bot's declared menu buttons, the default one and those of single private chats:
 * {@code setChatMenuButton} only where {@code getChatMenuButton} answers another button. A button it published before
 * and no longer declares is reset to {@link MenuButtonDefault}, which it knows from the bot record {@link #RECORD}.
 * A failure is logged and never thrown; one chat's failure leaves the others published. Thread-safe (it keeps no
 * state between calls).
 */
public final class MenuButtonPublisher {
    private static final Logger log = LoggerFactory.getLogger(MenuButtonPublisher.class);

    /**
     * The bot record naming the buttons published: {@code default} and chat ids, space-separated ({@code "true"} and
     * {@code "false"}, written before per-chat buttons, read as the default alone and none).
     */
    public static final String RECORD = "published-menu-button";

    private static final String DEFAULT = "default";

    private final TelegramClient telegram;
    private final PublishedRecord record;
    /** The declared buttons by where they show: {@link #DEFAULT} or a chat id. */
    private final Map<String, MenuButton> buttons = new LinkedHashMap<>();

    /** A publisher of the default {@code button} ({@code null} when none is declared) and of {@code perChat}. */
    public MenuButtonPublisher(
            TelegramClient telegram,
            StackStore store,
            long botId,
            @Nullable MenuButton button,
            Map<Long, MenuButton> perChat) {
        this.telegram = telegram;
        this.record = new PublishedRecord(store, botId, RECORD, "menu buttons");
        if (button != null) {
            buttons.put(DEFAULT, button);
        }
        perChat.forEach((chatId, chatButton) -> buttons.put(Long.toString(chatId), chatButton));
    }

    /** Makes each of Telegram's buttons the declared one, unless it is already; logs, never throws. */
    public void publish() {
        Set<String> before = parse(record.load(!buttons.isEmpty()).orElse(""));
        Set<String> published = new LinkedHashSet<>();
        for (String place : before) {
            if (!buttons.containsKey(place) && !reset(place)) {
                published.add(place);
            }
        }
        buttons.forEach((place, declared) -> {
            try {
                if (!declared.equals(telegram.execute(new GetChatMenuButton(chatId(place))))) {
                    telegram.execute(new SetChatMenuButton(chatId(place), declared));
                    log.info("Menu button published ({}): {}", place, declared.type());
                }
                published.add(place);
            } catch (RuntimeException e) {
                log.warn("Could not publish the menu button ({}): {}", place, e.toString());
                if (before.contains(place)) {
                    published.add(place);
                }
            }
        });
        if (!published.equals(before)) {
            record.save(String.join(" ", published));
        }
    }

    /** Resets the button of {@code place} to Telegram's default; whether that worked. */
    private boolean reset(String place) {
        try {
            telegram.execute(new SetChatMenuButton(chatId(place), MenuButtonDefault.of()));
            log.info("Menu button ({}) no longer declared: reset to the default", place);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not reset the menu button ({}): {}", place, e.toString());
            return false;
        }
    }

    private static @Nullable Long chatId(String place) {
        return place.equals(DEFAULT) ? null : Long.valueOf(place);
    }

    private static Set<String> parse(String document) {
        String text = document.strip();
        if (text.equals("true")) {
            return new LinkedHashSet<>(Set.of(DEFAULT));
        }
        if (text.isEmpty() || text.equals("false")) {
            return new LinkedHashSet<>();
        }
        return java.util.Arrays.stream(text.split(" "))
                .filter(place -> place.equals(DEFAULT) || place.matches("-?\\d{1,19}"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
