/**
 * Test support shipped with tgdialog, so bot authors test their own bots with it: a fake time source, and (to come)
 * the fake Telegram and the bot harness. No dependency on a test framework.
 */
@NullMarked
package dev.tgdialog.testing;

import org.jspecify.annotations.NullMarked;
