/**
 * Test support shipped with tgdialog, so bot authors test their own bots with it: {@link FakeTime}, a time source
 * that never sleeps, and {@link FakeTelegram}, an in-process Bot API behind the real client that keeps each chat's
 * messages and answers as Telegram does, refusals included. No dependency on a test framework.
 */
@NullMarked
package dev.tgdialog.testing;

import org.jspecify.annotations.NullMarked;
