package dev.tgdialog.internal.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The executor a bot runs its handlers on when the author gives none: a new virtual thread per task on Java 21 and
 * later, where a handler blocked on Telegram or a store holds no platform thread; sixteen daemon platform threads
 * ({@code tgdialog-handler-N}) on Java 17 to 20.
 *
 * <p>The library is compiled with {@code --release 17}, where {@code Executors.newVirtualThreadPerTaskExecutor()}
 * does not exist. It is looked up once, as a public static method through the public lookup, when this class loads;
 * when absent, the Java 17 pool is used. A multi-release jar ({@code META-INF/versions/21}) would do the same with a
 * second source tree compiled by a second JDK in every build and a jar layout to test; for one factory call, one
 * method handle is the smaller thing to keep right. Authors see none of it: {@code DialogBot.Builder.executor(...)}
 * still replaces the default.
 */
public final class HandlerThreads {
    private static final int PLATFORM_THREADS = 16;
    private static final @Nullable MethodHandle VIRTUAL_PER_TASK = virtualPerTask();

    private HandlerThreads() {}

    /** A new executor for one bot's handlers, owned (and shut down) by that bot. */
    public static ExecutorService newDefault() {
        MethodHandle virtual = VIRTUAL_PER_TASK;
        if (virtual != null) {
            try {
                return (ExecutorService) virtual.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new AssertionError("the factory declares no checked exception", e);
            }
        }
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(PLATFORM_THREADS, r -> {
            Thread t = new Thread(r, "tgdialog-handler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static @Nullable MethodHandle virtualPerTask() {
        try {
            return MethodHandles.publicLookup()
                    .findStatic(
                            Executors.class,
                            "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
