package dev.tgdialog.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs the application's bot on the fake-update harness in a Spring test: the context gets a
 * {@link dev.tgdialog.testing.BotHarness} bean whose bot is the application's (its dialog, command and customizer
 * beans, its store), and whose {@link dev.tgdialog.testing.FakeTelegram} replaces Telegram: the
 * {@link dev.tgdialog.telegram.TelegramClient} bean talks to the fake, no token is needed, and nothing polls or
 * registers a webhook. {@link TgdialogTest} is {@code @SpringBootTest} with this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(BotHarnessAutoConfiguration.class)
public @interface AutoConfigureBotHarness {}
