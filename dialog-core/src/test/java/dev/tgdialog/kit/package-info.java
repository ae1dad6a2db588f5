/**
 * The few widgets dialog-core's own tests drive the engine with, written on the widget SPI: the catalogue
 * ({@code dev.tgdialog.widgets}) depends on dialog-core, so the engine's tests cannot use it. Same names and factories
 * as the catalogue's, so a test reads as an author's dialog does.
 */
@NullMarked
package dev.tgdialog.kit;

import org.jspecify.annotations.NullMarked;
