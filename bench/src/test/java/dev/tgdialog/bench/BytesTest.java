package dev.tgdialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bench's byte builder: what the fake answers and the simulated user sends are built with it. */
class BytesTest {

    @Test
    void textWithNonAsciiCharacters_followsWhatWasWrittenBefore() {
        byte[] out = Bytes.scratch()
                .ascii("{\"text\":\"")
                .ascii("Next »")
                .ascii("\"}")
                .toByteArray();

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"Next »\"}");
    }

    @Test
    void theScratch_startsEmptyEachTime_andGrowsPastItsFirstSize() {
        Bytes.scratch().ascii("left over");
        String big = "x".repeat(3000);

        byte[] out = Bytes.scratch().ascii(big).number(-42).toByteArray();

        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo(big + "-42");
    }
}
