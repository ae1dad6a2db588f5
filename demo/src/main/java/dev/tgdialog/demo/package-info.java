/** The demo bot: runs against Telegram with a token, or offline in the console. */
package dev.tgdialog.demo;
