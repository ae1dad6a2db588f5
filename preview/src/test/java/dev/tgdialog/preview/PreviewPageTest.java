package dev.tgdialog.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewPageTest {
    private final String page = PreviewPage.DEFAULT.html(List.of(SampleDialogs.SHOP, SampleDialogs.HELP));

    @Test
    void everyWindow_isOnThePage_withItsTextMediaAndKeyboardRows() {
        assertThat(page).contains("<h1>4 windows of 2 dialogs</h1>");
        assertThat(page.split("<article class=\"window", -1)).hasSize(5);
        assertThat(page)
                .contains("<div class=\"media\">[photo: AgADphoto]</div>")
                .contains("<div class=\"text\">Pick &lt;one&gt;</div>")
                .contains(
                        "<div class=\"row\"><span class=\"button\">Tea</span><span class=\"button\">Help</span></div>")
                .contains("<div class=\"text\">How much tea?</div>");
    }

    @Test
    void aWindowWhoseRenderFails_showsTheError_inItsPlace() {
        String confirm = page.substring(page.indexOf("id=\"shop.CONFIRM\""));
        confirm = confirm.substring(0, confirm.indexOf("</article>"));
        assertThat(page).contains("<article class=\"window failed\" id=\"shop.CONFIRM\"");
        assertThat(confirm).contains("<pre class=\"error\">").contains("item");
        assertThat(page).contains("id=\"help.TOPICS\"");
    }

    @Test
    void thePage_readsThePreviewsClockAndLanguage_notTheMachines() {
        // The date picker shows the preview clock's month, named in the preview user's language.
        assertThat(page).contains("<span class=\"button\">January 2026</span>");
        assertThat(PreviewPage.DEFAULT.withLanguage(java.util.Locale.GERMAN).html(List.of(SampleDialogs.HELP)))
                .contains("<span class=\"button\">Januar 2026</span>");

        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.JAPAN);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(PreviewPage.DEFAULT.html(List.of(SampleDialogs.SHOP, SampleDialogs.HELP)))
                    .isEqualTo(page);
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
    }

    @Test
    void theSameDialogs_giveTheSamePage() {
        assertThat(PreviewPage.DEFAULT.html(List.of(SampleDialogs.SHOP, SampleDialogs.HELP)))
                .isEqualTo(page);
    }

    @Test
    void files_holdThePage_andTheCoverageOfTheRecordedSteps(@TempDir Path dir) throws Exception {
        Path steps = dir.resolve("steps");
        Files.createDirectories(steps);
        Files.writeString(steps.resolve("a.tsv"), "\t\tshop\tPICK\nshop\tPICK\tshop\tAMOUNT\n");
        Files.writeString(steps.resolve("b.tsv"), "shop\tPICK\tshop\tAMOUNT\nshop\tAMOUNT\tshop\tPICK\n");

        assertThat(PreviewFiles.readSteps(steps))
                .containsExactly(
                        new Step(null, new Step.At("shop", "PICK")),
                        new Step(new Step.At("shop", "PICK"), new Step.At("shop", "AMOUNT")),
                        new Step(new Step.At("shop", "AMOUNT"), new Step.At("shop", "PICK")));
        Path out = dir.resolve("out");
        assertThat(Files.readString(PreviewFiles.writePage(List.of(SampleDialogs.SHOP), out)))
                .contains("<article class=\"window\" id=\"shop.PICK\"");
        TransitionMap map = PreviewFiles.writeCoverage(List.of(SampleDialogs.SHOP, SampleDialogs.HELP), steps, out);
        assertThat(map.counts()).isEqualTo(new TransitionMap.Counts(7, 2, 5, 1));
        assertThat(Files.readString(out.resolve(PreviewFiles.COVERAGE_MD)))
                .contains("7 declared edges: 2 taken by the tests, 5 untaken (dashed); 1 steps")
                .contains("```mermaid\nflowchart TD\n");
        assertThat(Files.readString(out.resolve(PreviewFiles.COVERAGE_SVG))).startsWith("<svg");
    }

    @Test
    void svgs_drawAWindowsTextAndButtons_theSameBytesEachTime_andNameAWindowThatFails() {
        Map<String, String> svgs = PreviewPage.DEFAULT.svgs(List.of(SampleDialogs.HELP));

        assertThat(svgs)
                .containsOnlyKeys(SampleDialogs.HELP.windowIds().stream()
                        .map(w -> "help." + w)
                        .toArray(String[]::new));
        String topics = svgs.get("help.TOPICS");
        assertThat(topics)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains(">January 2026</text>")
                .endsWith("</svg>\n");
        assertThat(PreviewPage.DEFAULT.svgs(List.of(SampleDialogs.HELP))).isEqualTo(svgs);
        assertThat(PreviewPage.DEFAULT.withLanguage(java.util.Locale.GERMAN).svgs(List.of(SampleDialogs.HELP)))
                .hasEntrySatisfying("help.TOPICS", svg -> assertThat(svg).contains(">Januar 2026</text>"));
        assertThatThrownBy(() -> PreviewPage.DEFAULT.svgs(List.of(SampleDialogs.SHOP)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("shop.CONFIRM did not render");
    }
}
