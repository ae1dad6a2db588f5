package dev.tgdialog.preview;

import dev.tgdialog.Dialog;
import dev.tgdialog.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the preview page and the transition maps of a bot's dialogs to a folder, and reads the steps the test
 * harness recorded ({@code -Dtgdialog.steps.dir}). A bot author calls it from a main of their own with their
 * dialogs (a bot's {@code DialogBot.dialogs()}), as the demo does.
 */
public final class PreviewFiles {
    /** The file the preview page is written to. */
    public static final String PAGE = "preview.html";
    /** The coverage map as Mermaid in Markdown, with its counts. */
    public static final String COVERAGE_MD = "coverage-map.md";
    /** The coverage map as SVG. */
    public static final String COVERAGE_SVG = "coverage-map.svg";

    private PreviewFiles() {}

    /** Writes {@value #PAGE} of these dialogs, on {@link PreviewPage#DEFAULT}'s clock and locale; returns its path. */
    public static Path writePage(List<Dialog> dialogs, Path folder) throws IOException {
        return write(folder.resolve(PAGE), PreviewPage.DEFAULT.html(dialogs));
    }

    /**
     * Writes the coverage map (the declared map merged with the steps recorded in {@code steps}) as {@value
     * #COVERAGE_MD} and {@value #COVERAGE_SVG}, and returns it (its {@link TransitionMap#counts()} say how much
     * the tests covered).
     */
    public static TransitionMap writeCoverage(List<Dialog> dialogs, Path steps, Path folder) throws IOException {
        TransitionMap map = TransitionMap.declared(dialogs).withObserved(readSteps(steps));
        TransitionMap.Counts c = map.counts();
        write(
                folder.resolve(COVERAGE_MD),
                "# Transition coverage\n\n" + c.declared() + " declared edges: " + c.taken() + " taken by the tests, "
                        + c.untaken() + " untaken (dashed); " + c.undeclared()
                        + " steps the tests took that nothing declares (thick).\n\n```mermaid\n" + map.mermaid()
                        + "```\n");
        write(folder.resolve(COVERAGE_SVG), map.svg());
        return map;
    }

    /**
     * The distinct steps recorded in the {@code .tsv} files of {@code folder} (none when it does not exist): lines of
     * {@code fromDialog TAB fromWindow TAB toDialog TAB toWindow}, empty fields for an empty stack.
     */
    public static Set<Step> readSteps(Path folder) throws IOException {
        Set<Step> steps = new LinkedHashSet<>();
        if (!Files.isDirectory(folder)) {
            return steps;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    continue;
                }
                Step.At from = f[0].isEmpty() ? null : new Step.At(f[0], f[1]);
                Step.At to = f[2].isEmpty() ? null : new Step.At(f[2], f[3]);
                if (!java.util.Objects.equals(from, to)) {
                    steps.add(new Step(from, to));
                }
            }
        }
        return steps;
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
