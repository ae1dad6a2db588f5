package dev.tgdialog.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.telegram.Limits;
import org.junit.jupiter.api.Test;

class CallbackDataTest {

    @Test
    void callbackData_staysWithin64Bytes_forTheLongestIdsAndAnyPayload() {
        String header = CallbackData.header(
                Base62.encode((1L << 52) - 1),
                "s" + Base62.encode(999_999),
                Base62.encode(999_999),
                Base62.decode("zzzz"),
                "a".repeat(16));
        assertThat(CallbackData.utf8Length(header + CallbackData.SPILL + Base62.encode(99)))
                .isLessThanOrEqualTo(Limits.CALLBACK_DATA_BYTES);
        assertThat(CallbackData.fits(header, "é".repeat(40))).isFalse();
        assertThat(CallbackData.fits("~..0.0.w.", "é".repeat(27))).isTrue();
        assertThat(CallbackData.fits("~..0.0.w.", "é".repeat(28))).isFalse();
        assertThat(CallbackData.fits("~..0.0.w.", "~looks-like-a-spill")).isFalse();
        assertThat(CallbackData.decode("~ab..3.z.w.pay.load"))
                .isEqualTo(new CallbackData.Decoded("ab", "", "3", 35, "w", "pay.load"));
    }

    @Test
    void base62_roundTrips_andRefusesWhatIsNotOurs() {
        for (long n : new long[] {0, 1, 61, 62, 3843, 1L << 52}) {
            assertThat(Base62.decode(Base62.encode(n))).isEqualTo(n);
        }
        assertThat(Base62.decode("")).isEqualTo(-1);
        assertThat(Base62.decode("a-b")).isEqualTo(-1);
        assertThat(Base62.decode("zzzzzzzzzzz")).isEqualTo(-1);
        assertThat(CallbackData.decode("plain:data")).isNull();
        assertThat(CallbackData.decode("~a.b.c")).isNull();
    }
}
