package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.preview.PreviewPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDiagramsTest {
    private final List<Dialog> dialogs = DemoDiagrams.dialogs();

    @Test
    void thePreviewPage_showsEveryWindowOfEveryDemoDialog_onceEach() {
        String page = PreviewPage.DEFAULT.html(dialogs);

        int declared = 0;
        for (Dialog dialog : dialogs) {
            for (String window : dialog.windowIds()) {
                declared++;
                String article = "id=\"" + dialog.id() + "." + window + "\" data-dialog=\"" + dialog.id()
                        + "\" data-window=\"" + window + "\"";
                assertThat(page.split(article, -1))
                        .as(dialog.id() + "/" + window)
                        .hasSize(2);
            }
        }
        assertThat(dialogs).extracting(Dialog::id).contains("order", "settings", "booking", "catalogue");
        assertThat(page.split("<article class=\"window", -1)).hasSize(declared + 1);
        assertThat(page).contains("<h1>" + declared + " windows of " + dialogs.size() + " dialogs</h1>");
        // The samples make every demo window render: a failed one would show its error instead.
        assertThat(page).doesNotContain("class=\"window failed\"");
        assertThat(PreviewPage.DEFAULT.html(DemoDiagrams.dialogs())).isEqualTo(page);
    }

    @Test
    void theReadmesMap_isTheOneTheDialogsDeclare() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String committed = DemoDiagrams.currentBlock(readme);

        assertThat(committed).as("README.md has the markers of the demo's map").isNotNull();
        assertThat(committed)
                .as("the map in README.md differs from what the demo's dialogs declare; regenerate it with: "
                        + DemoDiagrams.REGENERATE)
                .isEqualTo(DemoDiagrams.readmeBlock());
    }

    @Test
    void theCommittedPictures_areTheOnesTheDialogsDraw_oneForEveryWindow() throws Exception {
        Map<String, String> drawn = DemoDiagrams.pictures();
        Set<String> committed = DemoDiagrams.committedPictures(DemoDiagrams.PICTURES);

        int windows = dialogs.stream().mapToInt(d -> d.windowIds().size()).sum();
        assertThat(drawn).hasSize(windows + WidgetGallery.Shown.values().length);
        assertThat(committed)
                .as(
                        "docs/pictures holds a picture per demo window and per pictured widget, and no other; redraw them with: "
                                + DemoDiagrams.REGENERATE_PICTURES)
                .isEqualTo(drawn.keySet());
        for (Map.Entry<String, String> picture : drawn.entrySet()) {
            assertThat(Files.readString(DemoDiagrams.PICTURES.resolve(picture.getKey()), StandardCharsets.UTF_8))
                    .as(picture.getKey() + " is out of date; redraw the pictures with: "
                            + DemoDiagrams.REGENERATE_PICTURES)
                    .isEqualTo(picture.getValue());
        }
    }
}
