/**
 * The bot's texts in its users' languages: a {@link dev.tgdialog.i18n.TextBundle} reads them from resource bundles
 * in the language {@link dev.tgdialog.DialogContext#language} names, for windows (through the {@code I18nText}
 * widget), command descriptions ({@link dev.tgdialog.Command.Builder#description(TextBundle, String)}), replies and
 * pushes alike.
 */
@NullMarked
package dev.tgdialog.i18n;

import org.jspecify.annotations.NullMarked;
