package dev.tgdialog.demo;

import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.TelegramException;
import dev.tgdialog.telegram.methods.AnswerCallbackQuery;
import dev.tgdialog.telegram.methods.EditMessageText;
import dev.tgdialog.telegram.methods.SendMessage;
import dev.tgdialog.telegram.types.CallbackQuery;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.telegram.types.InlineKeyboardMarkup;
import dev.tgdialog.telegram.types.Message;
import dev.tgdialog.telegram.types.Update;
import dev.tgdialog.updates.UpdateHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo bot, written on the bare client until the dialog engine lands: {@code /start} shows a counter with two
 * buttons, the buttons edit it in place, {@code /help} says what it does, anything else is echoed.
 */
public final class CounterBot implements UpdateHandler {
    private static final Logger log = LoggerFactory.getLogger(CounterBot.class);

    private final TelegramClient telegram;
    private final Map<Long, Integer> counts = new ConcurrentHashMap<>();

    public CounterBot(TelegramClient telegram) {
        this.telegram = telegram;
    }

    @Override
    public CompletionStage<?> handle(Update update) {
        try {
            if (update.message() != null && update.message().text() != null) {
                onText(update.message());
            } else if (update.callbackQuery() != null) {
                onClick(update.callbackQuery());
            }
            return CompletableFuture.completedFuture(null);
        } catch (TelegramException e) {
            log.warn("Update {} not answered: {}", update.updateId(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
    }

    private void onText(Message message) {
        long chat = message.chat().id();
        String text = message.text();
        if (text.equals("/start") || text.startsWith("/start ")) {
            counts.put(chat, 0);
            telegram.execute(SendMessage.builder(chat, "Hi! Press the button to count.")
                    .replyMarkup(keyboard(0))
                    .build());
        } else if (text.equals("/help")) {
            telegram.execute(SendMessage.of(chat, "/start shows a counter; its buttons change it. I echo the rest."));
        } else {
            telegram.execute(SendMessage.of(chat, "You said: " + text));
        }
    }

    private void onClick(CallbackQuery query) {
        if (!(query.message() instanceof Message message) || query.data() == null) {
            telegram.execute(AnswerCallbackQuery.builder(query.id()).text("This button is too old").build());
            return;
        }
        long chat = message.chat().id();
        int count = switch (query.data()) {
            case "count" -> counts.merge(chat, 1, Integer::sum);
            case "reset" -> {
                counts.put(chat, 0);
                yield 0;
            }
            default -> -1;
        };
        if (count < 0) {
            telegram.execute(AnswerCallbackQuery.builder(query.id()).text("Unknown button").build());
            return;
        }
        telegram.execute(AnswerCallbackQuery.of(query.id()));
        telegram.execute(EditMessageText.builder()
                .chatId(chat)
                .messageId(message.messageId())
                .text("Counted " + count + (count == 1 ? " time." : " times."))
                .replyMarkup(keyboard(count))
                .build());
    }

    private static InlineKeyboardMarkup keyboard(int count) {
        return new InlineKeyboardMarkup(List.of(List.of(
                InlineKeyboardButton.builder("Count: " + count).callbackData("count").build(),
                InlineKeyboardButton.builder("Reset").callbackData("reset").build())));
    }
}
