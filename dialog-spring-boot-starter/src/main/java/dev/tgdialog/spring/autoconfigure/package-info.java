/**
 * The Spring Boot auto-configuration of a tgdialog bot ({@link
 * dev.tgdialog.spring.autoconfigure.TgdialogAutoConfiguration}), its {@code tgdialog.*} properties ({@link
 * dev.tgdialog.spring.autoconfigure.TgdialogProperties}) and what it applies to the bot's builder ({@link
 * dev.tgdialog.spring.autoconfigure.DialogBotConfigurer}).
 */
@NullMarked
package dev.tgdialog.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
