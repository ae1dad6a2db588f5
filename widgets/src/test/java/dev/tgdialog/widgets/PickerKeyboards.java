package dev.tgdialog.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.Limits;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.FakeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a picker's keyboard as the user sees it, and forges clicks from its real buttons. */
final class PickerKeyboards {
    private PickerKeyboards() {}

    /**
     * The labels of the message's keyboard, row by row. Checks on the way that every button calls back with data
     * within Telegram's 64 bytes and has a visible label.
     */
    static List<List<String>> rows(FakeMessage message) {
        List<List<String>> rows = new ArrayList<>();
        for (List<InlineKeyboardButton> row : message.inlineKeyboard()) {
            List<String> labels = new ArrayList<>();
            for (InlineKeyboardButton button : row) {
                assertThat(button.text()).as("label").isNotEmpty();
                assertThat(button.callbackData())
                        .as("callback data of \"%s\"", button.text())
                        .isNotEmpty();
                assertThat(button.callbackData().getBytes(StandardCharsets.UTF_8))
                        .as("callback data of \"%s\": %s", button.text(), button.callbackData())
                        .hasSizeLessThanOrEqualTo(Limits.CALLBACK_DATA_BYTES);
                labels.add(button.text());
            }
            rows.add(labels);
        }
        return rows;
    }

    /** Every callback data on the message. */
    static List<String> callbackData(FakeMessage message) {
        List<String> data = new ArrayList<>();
        message.inlineKeyboard().forEach(row -> row.forEach(b -> data.add(b.callbackData())));
        return data;
    }

    /** The callback data of a real button of {@code widgetId} on the message, with its payload replaced. */
    static String forge(FakeMessage message, String widgetId, String payload) {
        for (String data : callbackData(message)) {
            String[] parts = data.split("\\.", 6);
            if (parts.length == 6 && parts[4].equals(widgetId)) {
                parts[5] = payload;
                return String.join(".", parts);
            }
        }
        throw new AssertionError("no button of widget " + widgetId + " on message " + message.messageId());
    }
}
