/**
 * Deep links into the bot: {@link dev.tgdialog.links.BotLink} builds {@code t.me} links ({@code start},
 * {@code startgroup}, {@code startchannel}, {@code startapp}, {@code startattach}), and a
 * {@link dev.tgdialog.links.DeepLink} carries a typed value through one, encoded by a
 * {@link dev.tgdialog.links.PayloadCodec} (optionally signed), to the handler that
 * {@link dev.tgdialog.DialogBot.Builder#deepLink} routes {@code /start <payload>} to.
 */
@NullMarked
package dev.tgdialog.links;

import org.jspecify.annotations.NullMarked;
