package dev.tgdialog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.DialogBot;
import dev.tgdialog.Transition;
import dev.tgdialog.test.Updates;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The executor a bot makes for itself when its author gives none: virtual threads on Java 21 and later, the pool of
 * platform threads before. CI runs this class on Java 17 (the build's JDK) and again on Java 25 ({@code scripts/test}).
 */
class DefaultExecutorTest {
    private static final int JAVA = Runtime.version().feature();

    @Test
    void handlers_runOnAVirtualThread_fromJava21_andOnTheBotsPlatformThreadsBefore() throws Exception {
        CompletableFuture<Thread> handlerThread = new CompletableFuture<>();
        FakeTelegram telegram = new FakeTelegram();
        DialogBot bot = DialogBot.builder(telegram.client(new FakeTime()))
                .command("start", (ctx, args) -> {
                    handlerThread.complete(Thread.currentThread());
                    return Transition.stay();
                })
                .build();
        try {
            bot.handler()
                    .handle(Updates.command(1001, "Ann", "/start"))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } finally {
            bot.stop();
        }

        // scripts/test names the Java it runs this class on a second time, so a run that fell back to the build's JDK
        // (and so proved nothing about virtual threads) fails.
        String expected = System.getProperty("tgdialog.expectJava");
        if (expected != null) {
            assertThat(JAVA).as("the Java this run was started on").isEqualTo(Integer.parseInt(expected));
        }
        Thread thread = handlerThread.getNow(null);
        assertThat(thread).isNotNull().isNotSameAs(Thread.currentThread());
        if (JAVA >= 21) {
            assertThat(isVirtual(thread))
                    .as("a virtual thread on Java %d: %s", JAVA, thread)
                    .isTrue();
        } else {
            assertThat(isVirtual(thread)).isFalse();
            assertThat(thread.getName()).startsWith("tgdialog-handler-");
            assertThat(thread.isDaemon()).isTrue();
        }
    }

    /** {@code Thread.isVirtual()}, which a test compiled for Java 17 can only call reflectively. */
    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        if (JAVA < 21) {
            assertThat(Thread.class.getMethods()).noneMatch(m -> m.getName().equals("isVirtual"));
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }
}
