/**
 * The widget SPI ({@link dev.tgdialog.widget.TextWidget}, {@link dev.tgdialog.widget.KeyboardWidget},
 * {@link dev.tgdialog.widget.InputWidget}, {@link dev.tgdialog.widget.MediaWidget} and their contexts) and the basic
 * widgets the engine needs: texts, buttons, layouts, navigation and URL buttons. Widgets are immutable definitions;
 * per-user state lives in the stack, reached through {@link dev.tgdialog.widget.WidgetContext}.
 */
@NullMarked
package dev.tgdialog.widget;

import org.jspecify.annotations.NullMarked;
