package dev.tgdialog.testing;

import dev.tgdialog.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The steps the harnesses of one JVM saw, appended to a file of their own in the folder the system property
 * {@value #PROPERTY} names (a build sets it for its tests): one line per distinct step, {@code fromDialog TAB
 * fromWindow TAB toDialog TAB toWindow}, empty fields for an empty stack. A file per JVM (its name holds a random
 * id) lets parallel test forks write without locks between them; within a JVM the writes are serialized, so several
 * harnesses share the file. Thread-safe.
 */
final class StepLog {
    /** The system property naming the folder steps are written to; unset, nothing is recorded. */
    static final String PROPERTY = "tgdialog.steps.dir";

    private static final Map<Path, StepLog> BY_FOLDER = new ConcurrentHashMap<>();

    private final Path file;
    private final Set<Step> written = ConcurrentHashMap.newKeySet();

    private StepLog(Path file) {
        this.file = file;
    }

    /** The log of the folder the system property names, or empty when it is unset. */
    static Optional<StepLog> fromSystemProperty() {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(in(Path.of(folder)));
    }

    /** The log this JVM writes in {@code folder}. */
    static StepLog in(Path folder) {
        return BY_FOLDER.computeIfAbsent(
                folder.toAbsolutePath(),
                dir -> new StepLog(
                        dir.resolve("steps-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".tsv")));
    }

    /** Appends the step unless this JVM wrote it already. */
    void record(Step step) {
        if (!written.add(step)) {
            return;
        }
        String line = field(step.from(), true)
                + '\t'
                + field(step.from(), false)
                + '\t'
                + field(step.to(), true)
                + '\t'
                + field(step.to(), false)
                + '\n';
        synchronized (this) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file,
                        line,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record a step in " + file, e);
            }
        }
    }

    private static String field(Step.@Nullable At at, boolean dialog) {
        return at == null ? "" : dialog ? at.dialog() : at.window();
    }
}
