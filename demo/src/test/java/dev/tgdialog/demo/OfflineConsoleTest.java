package dev.tgdialog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OfflineConsoleTest {

    private static String chat(String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoBot.runOffline(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startShowsACounter_andPressingItsButtonsEditsIt() throws Exception {
        String screen = chat("/start\n#1\n#1\n#2\n/quit\n");

        assertThat(screen).contains("bot> Hi! Press the button to count.\n    [#1 Count: 0] [#2 Reset]");
        assertThat(screen).contains("bot (edited)> Counted 1 time.\n    [#1 Count: 1] [#2 Reset]");
        assertThat(screen).contains("bot (edited)> Counted 2 times.\n    [#1 Count: 2] [#2 Reset]");
        assertThat(screen).contains("bot (edited)> Counted 0 times.\n    [#1 Count: 0] [#2 Reset]");
        assertThat(screen).endsWith("bye\n");
    }

    @Test
    void textIsEchoed_andAMissingButtonIsSaidSo() throws Exception {
        String screen = chat("hello\n#7\n/help\n");

        assertThat(screen).contains("bot> You said: hello");
        assertThat(screen).contains("(there is no button #7)");
        assertThat(screen).contains("bot> /start shows a counter");
    }
}
