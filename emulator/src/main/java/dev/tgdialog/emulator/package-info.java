/**
 * The browser emulator: {@link dev.tgdialog.emulator.Emulator} serves one chat page on loopback for any dialog bot,
 * run through the production pipeline against the fake Telegram of {@code dev.tgdialog.testing}, with several users, a
 * group chat, the Bot API calls and each user's dialog stack beside the chat.
 */
@NullMarked
package dev.tgdialog.emulator;

import org.jspecify.annotations.NullMarked;
