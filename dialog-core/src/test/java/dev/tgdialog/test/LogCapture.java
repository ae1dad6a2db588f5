package dev.tgdialog.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures everything logged under {@code dev.tgdialog} while open, formatted with stack traces. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.tgdialog");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Every captured event as "LEVEL message" plus its stack trace, if any. */
    public synchronized List<String> lines() {
        return appender.list.stream().map(LogCapture::format).toList();
    }

    /** The captured lines at this level. */
    public List<String> at(Level level) {
        return appender.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(LogCapture::format)
                .toList();
    }

    /** All captured text in one string. */
    public String all() {
        return String.join("\n", lines());
    }

    private static String format(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return event.getLevel() + " " + event.getFormattedMessage()
                + (thrown == null ? "" : "\n" + ThrowableProxyUtil.asString(thrown));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
