/**
 * What a Spring Boot application declares for its tgdialog bot, besides its {@link dev.tgdialog.Dialog} beans:
 * {@link dev.tgdialog.spring.CommandRoute} beans for its commands and {@link dev.tgdialog.spring.DialogBotCustomizer}
 * beans for anything else the {@link dev.tgdialog.DialogBot.Builder} takes. The auto-configuration lives in
 * {@code dev.tgdialog.spring.autoconfigure}, the test slice on the fake-update harness in
 * {@code dev.tgdialog.spring.test}.
 */
@NullMarked
package dev.tgdialog.spring;

import org.jspecify.annotations.NullMarked;
