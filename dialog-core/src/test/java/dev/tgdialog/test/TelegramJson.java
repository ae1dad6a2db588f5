package dev.tgdialog.test;

/** Real Bot API answers, in the documented shapes, for the local test server to return. */
public final class TelegramJson {
    private TelegramJson() {}

    public static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    public static String ok(String result) {
        return "{\"ok\":true,\"result\":" + result + "}";
    }

    public static String error(int code, String description) {
        return "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}";
    }

    public static String tooManyRequests(int retryAfter) {
        return "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter
                + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}";
    }

    /** A message the bot sent to a private chat, with an inline keyboard. */
    public static String sentMessage(long chatId, long messageId, String text) {
        return "{\"message_id\":" + messageId + ",\"from\":{\"id\":123456789,\"is_bot\":true,\"first_name\":\"Test"
                + " Bot\",\"username\":\"test_bot\"},\"chat\":{\"id\":" + chatId + ",\"first_name\":\"Ann\","
                + "\"username\":\"ann\",\"type\":\"private\"},\"date\":1767225600,\"text\":\"" + text + "\","
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"},"
                + "{\"text\":\"No\",\"callback_data\":\"n\"}]]}}";
    }
}
