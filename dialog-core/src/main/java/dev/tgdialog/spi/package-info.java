/**
 * The widget SPI: what a widget implements ({@link dev.tgdialog.spi.TextWidget},
 * {@link dev.tgdialog.spi.KeyboardWidget}, {@link dev.tgdialog.spi.InputWidget}, {@link dev.tgdialog.spi.MediaWidget})
 * and the contexts it renders and handles clicks with. Bot authors use the widgets of {@code dev.tgdialog.widgets}
 * and need this package only to write widgets of their own. Widgets are immutable definitions; per-user state lives
 * in the stack, reached through {@link dev.tgdialog.spi.WidgetContext}.
 */
@NullMarked
package dev.tgdialog.spi;

import org.jspecify.annotations.NullMarked;
