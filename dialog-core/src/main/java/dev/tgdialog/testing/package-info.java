/**
 * Test support shipped with tgdialog, so bot authors test their own bots with it: {@link BotHarness} runs a bot's
 * real pipeline against {@link FakeTelegram}, an in-process Bot API behind the real client that keeps each chat's
 * messages and answers as Telegram does, refusals included; a {@link FakeUser} sends, clicks and pays in it as a
 * person would; {@link FakeTime} is a time source that never sleeps. No dependency on a test framework.
 */
@NullMarked
package dev.tgdialog.testing;

import org.jspecify.annotations.NullMarked;
