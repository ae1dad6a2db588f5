package dev.tgdialog.internal.http;

import static dev.tgdialog.test.TelegramJson.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String SECRET = TOKEN.substring(TOKEN.indexOf(':') + 1);
    private final Redactor redactor = new Redactor(TOKEN);

    @Test
    void theWholeToken_itsEncodedForm_theSecret_andAnyPieceOfEightOrMore_areMasked() {
        assertThat(redactor.redact("GET /bot" + TOKEN + "/getMe")).isEqualTo("GET /bot<bot-token>/getMe");
        assertThat(redactor.redact("url=%2Fbot123456789%3A" + SECRET)).isEqualTo("url=%2Fbot<bot-token>");
        assertThat(redactor.redact("secret " + SECRET + ".")).isEqualTo("secret <bot-token>.");
        assertThat(redactor.redact("Unexpected status line: 56789:AAHdqTcvCH1vGW…"))
                .isEqualTo("Unexpected status line: <bot-token>…");
        assertThat(redactor.redact("two pieces: SAs0K5PA and fSeofSAs0"))
                .isEqualTo("two pieces: <bot-token> and " + "<bot-token>");
    }

    @Test
    void piecesShorterThanEight_andOtherText_stayAsTheyAre() {
        String text = "sAs0K5P, chat not found, Read timed out, 1234567";

        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact((String) null)).isEmpty();
    }

    @Test
    void anExceptionCopy_redactsEveryCauseAndSuppressedException_andKeepsTheirTraces() {
        IOException cause = new IOException("reading /bot" + TOKEN.substring(3, 20));
        IllegalStateException error = new IllegalStateException("failed at " + SECRET.substring(0, 12), cause);
        error.addSuppressed(new IOException("closing " + TOKEN.substring(10)));

        Throwable copy = redactor.redact(error);
        StringWriter trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));

        assertThat(copy.getMessage()).isEqualTo("java.lang.IllegalStateException: failed at <bot-token>");
        assertThat(copy.getCause().getMessage()).isEqualTo("java.io.IOException: reading /bot<bot-token>");
        assertThat(copy.getSuppressed())
                .singleElement()
                .asString()
                .isEqualTo("java.io.IOException: closing <bot-token>");
        assertThat(copy.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(trace.toString()).contains("Suppressed: java.io.IOException: closing <bot-token>");
        for (int i = 0; i + 8 <= TOKEN.length(); i++) {
            assertThat(trace.toString()).doesNotContain(TOKEN.substring(i, i + 8));
        }
    }
}
