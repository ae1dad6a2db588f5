/**
 * The test slice of the starter: {@link dev.tgdialog.spring.test.TgdialogTest} ({@code @SpringBootTest} on the
 * fake-update harness) and {@link dev.tgdialog.spring.test.AutoConfigureBotHarness}, for tests that drive the
 * application's bot as users with {@link dev.tgdialog.testing.BotHarness}. Needs {@code spring-boot-test} on the
 * test class path ({@code spring-boot-starter-test}).
 */
@NullMarked
package dev.tgdialog.spring.test;

import org.jspecify.annotations.NullMarked;
