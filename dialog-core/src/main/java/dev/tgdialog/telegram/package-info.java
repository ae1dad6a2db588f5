/**
 * The Bot API client: {@link dev.tgdialog.telegram.TelegramClient}, the {@link dev.tgdialog.telegram.BotMethod}
 * contract, files to send and the errors Telegram answers with.
 */
@NullMarked
package dev.tgdialog.telegram;

import org.jspecify.annotations.NullMarked;
