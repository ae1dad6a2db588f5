package dev.tgdialog.widgets;

import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.telegram.types.CallbackGame;
import dev.tgdialog.telegram.types.CopyTextButton;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.LoginUrl;
import dev.tgdialog.telegram.types.SwitchInlineQueryChosenChat;
import dev.tgdialog.telegram.types.WebAppInfo;
import java.util.List;
import java.util.Objects;

/**
 * Inline buttons that Telegram handles without a callback: open a web app, log in on a website, start an inline
 * query, copy a text, pay an invoice, play a game. They keep no state and emit no payload (widget id {@code ""}).
 */
public final class InlineButtons {
    private InlineButtons() {}

    /** Opens a web app (a Mini App) in Telegram. */
    public static KeyboardWidget webApp(String label, String url) {
        return of(
                InlineKeyboardButton.builder(label).webApp(new WebAppInfo(url)).build());
    }

    /** Logs the user in on a website (the URL must be set up with @BotFather; check the data it gets). */
    public static KeyboardWidget loginUrl(String label, String url) {
        return of(InlineKeyboardButton.builder(label).loginUrl(LoginUrl.of(url)).build());
    }

    /** Lets the user pick a chat and starts an inline query to this bot there. */
    public static KeyboardWidget switchInlineQuery(String label, String query) {
        return of(InlineKeyboardButton.builder(label).switchInlineQuery(query).build());
    }

    /** Starts an inline query to this bot in the current chat. */
    public static KeyboardWidget switchInlineQueryCurrentChat(String label, String query) {
        return of(InlineKeyboardButton.builder(label)
                .switchInlineQueryCurrentChat(query)
                .build());
    }

    /** Lets the user pick a chat of the given kinds and starts an inline query there. */
    public static KeyboardWidget switchInlineQueryChosenChat(String label, SwitchInlineQueryChosenChat chosen) {
        return of(InlineKeyboardButton.builder(label)
                .switchInlineQueryChosenChat(chosen)
                .build());
    }

    /** Copies a text to the user's clipboard. */
    public static KeyboardWidget copyText(String label, String text) {
        return of(InlineKeyboardButton.builder(label)
                .copyText(new CopyTextButton(text))
                .build());
    }

    /** The pay button of an invoice message (must be the first button of the first row). */
    public static KeyboardWidget pay(String label) {
        return of(InlineKeyboardButton.builder(label).pay(true).build());
    }

    /** The play button of a game message (must be the first button of the first row). */
    public static KeyboardWidget game(String label) {
        return of(InlineKeyboardButton.builder(label)
                .callbackGame(new CallbackGame())
                .build());
    }

    private static KeyboardWidget of(InlineKeyboardButton button) {
        Objects.requireNonNull(button, "button");
        return new KeyboardWidget() {
            @Override
            public String id() {
                return "";
            }

            @Override
            public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
                return List.of(List.of(button));
            }
        };
    }
}
