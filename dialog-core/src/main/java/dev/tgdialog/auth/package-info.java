/**
 * Whether data that claims to come from Telegram does: a Mini App's {@code initData}
 * ({@link dev.tgdialog.auth.InitDataValidator}, with the bot's token or, for a third party, Telegram's Ed25519 keys)
 * and the Login Widget's data ({@link dev.tgdialog.auth.LoginWidgetValidator}), each checked in constant time, for
 * age, and refused with the reason ({@link dev.tgdialog.auth.InvalidAuthDataException}) without ever echoing the
 * token.
 */
@NullMarked
package dev.tgdialog.auth;

import org.jspecify.annotations.NullMarked;
