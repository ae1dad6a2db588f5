package dev.tgdialog.demo;

import dev.tgdialog.Dialog;
import dev.tgdialog.preview.PreviewFiles;
import dev.tgdialog.preview.PreviewPage;
import dev.tgdialog.preview.TransitionMap;
import dev.tgdialog.testing.BotHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's preview page, pictures and transition maps, run by Maven (see the demo's pom): {@code preview <folder>}
 * writes the page, {@code pictures <folder>} an SVG per window (replacing the folder's SVGs), {@code readme <README.md>} rewrites the map between the README's markers from the declarations, and {@code
 * coverage <steps folder> <folder>} writes the coverage map of the steps the tests recorded and prints its counts.
 */
public final class DemoDiagrams {
    static final String BEGIN = "<!-- transition-map:begin (generated from the demo's declarations) -->";
    static final String END = "<!-- transition-map:end -->";
    static final String REGENERATE = "mvn -q -pl demo -am test-compile exec:java@readme-map";
    static final String REGENERATE_PICTURES = "mvn -q -pl demo -am test-compile exec:java@pictures";
    /** Where the pictures of the demo's windows are kept, from the demo module's folder. */
    static final Path PICTURES = Path.of("..", "docs", "pictures");

    /**
     * Each demo window drawn as a message, by its file ({@code <dialog>.<window>.svg}), and each widget of the
     * README's table alone ({@code widgets/<widget>.svg}, from {@link WidgetGallery}).
     */
    static Map<String, String> pictures() {
        Map<String, String> files = new LinkedHashMap<>();
        PreviewPage.DEFAULT.svgs(dialogs()).forEach((window, svg) -> files.put(window + ".svg", svg));
        PreviewPage.DEFAULT
                .svgs(List.of(WidgetGallery.WIDGETS))
                .forEach((window, svg) -> files.put(
                        "widgets/" + window.substring(window.indexOf('.') + 1).toLowerCase(Locale.ROOT) + ".svg", svg));
        return files;
    }

    private DemoDiagrams() {}

    /** The dialogs the demo bot registers, in order. */
    static List<Dialog> dialogs() {
        return BotHarness.of(bot -> OrderBot.configure(bot, order -> {}, ReferralsTest.referrals()))
                .bot()
                .dialogs();
    }

    /** The SVG files under {@code folder}, as paths relative to it with {@code /} between names. */
    static Set<String> committedPictures(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".svg"))
                    .map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The README's map block: the declared map as a Mermaid code block, between the markers. */
    static String readmeBlock() {
        return BEGIN + "\n```mermaid\n" + TransitionMap.declared(dialogs()).mermaid() + "```\n" + END;
    }

    /** The README's text between (and with) the markers, or null when it has none. */
    static String currentBlock(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        return begin < 0 || end < begin ? null : readme.substring(begin, end + END.length());
    }

    public static void main(String[] args) throws IOException {
        switch (args.length == 0 ? "" : args[0]) {
            case "preview" -> System.out.println("Preview: " + PreviewFiles.writePage(dialogs(), Path.of(args[1])));
            case "pictures" -> {
                Path folder = Path.of(args[1]);
                Files.createDirectories(folder);
                for (String old : committedPictures(folder)) {
                    Files.delete(folder.resolve(old));
                }
                Map<String, String> pictures = pictures();
                for (Map.Entry<String, String> picture : pictures.entrySet()) {
                    Path file = folder.resolve(picture.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, picture.getValue(), StandardCharsets.UTF_8);
                }
                System.out.println(pictures.size() + " pictures written to " + folder);
            }
            case "readme" -> {
                Path file = Path.of(args[1]);
                String readme = Files.readString(file, StandardCharsets.UTF_8);
                String current = currentBlock(readme);
                if (current == null) {
                    throw new IllegalStateException(file + " has no " + BEGIN + " … " + END + " markers");
                }
                Files.writeString(file, readme.replace(current, readmeBlock()), StandardCharsets.UTF_8);
                System.out.println("Map written to " + file);
            }
            case "coverage" -> {
                Path out = Path.of(args[2]);
                TransitionMap map = PreviewFiles.writeCoverage(dialogs(), Path.of(args[1]), out);
                TransitionMap.Counts c = map.counts();
                System.out.println("Transition coverage: " + c.declared() + " declared edges, " + c.taken()
                        + " taken, " + c.untaken() + " untaken; " + c.undeclared() + " undeclared steps taken -> "
                        + out.resolve(PreviewFiles.COVERAGE_MD) + ", " + out.resolve(PreviewFiles.COVERAGE_SVG));
            }
            default ->
                throw new IllegalArgumentException(
                        "usage: preview <folder> | pictures <folder> | readme <README.md> | coverage <steps folder> <folder>");
        }
    }
}
