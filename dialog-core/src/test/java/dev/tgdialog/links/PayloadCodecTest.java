package dev.tgdialog.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.links.InvalidPayloadException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
    record Invite(long group, int seats, boolean admin, String role) {
        Invite {
            if (seats < 0) {
                throw new IllegalArgumentException("seats < 0");
            }
        }
    }

    static final PayloadCodec<Invite> INVITE = PayloadCodec.of(
            (out, i) -> out.putLong(i.group())
                    .putInt(i.seats())
                    .putBoolean(i.admin())
                    .putString(i.role()),
            in -> new Invite(in.getLong(), in.getInt(), in.getBoolean(), in.getString()));

    static final byte[] SECRET = "a secret of sixteen bytes or more".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecord_roundTrips_withExtremeAndUnicodeFields() {
        for (Invite invite : List.of(
                new Invite(-1001234567890L, 3, true, "Schachclub ♞ München"),
                new Invite(Long.MIN_VALUE, Integer.MAX_VALUE, false, ""),
                new Invite(Long.MAX_VALUE, 0, true, "x"))) {
            assertThat(INVITE.decode(INVITE.encode(invite))).isEqualTo(invite);
            assertThat(INVITE.signed(SECRET).decode(INVITE.signed(SECRET).encode(invite)))
                    .isEqualTo(invite);
        }
    }

    @Test
    void payloads_useOnlyBase64urlWithoutPadding() {
        for (int n = 0; n < 40; n++) {
            String text = "ÿ?>".repeat(n);
            assertThat(PayloadCodec.string().encode(text)).matches("[A-Za-z0-9_-]*");
            assertThat(PayloadCodec.string().signed(SECRET).encode(text)).matches("[A-Za-z0-9_-]*");
        }
        assertThat(PayloadCodec.longValue().encode(-1L)).isEqualTo("AQ");
    }

    @Test
    void numbers_takeOneToTenBytes() {
        assertThat(PayloadCodec.longValue().encode(0L)).hasSize(2);
        assertThat(PayloadCodec.longValue().encode(63L)).hasSize(2);
        assertThat(PayloadCodec.longValue().encode(64L)).hasSize(3);
        assertThat(PayloadCodec.longValue().encode(Long.MAX_VALUE)).hasSize(14);
        assertThat(PayloadCodec.longValue().encode(Long.MIN_VALUE)).hasSize(14);
        assertThat(PayloadCodec.longValue().signed(SECRET).encode(1234567L)).hasSize(16);
    }

    @Test
    void garbage_isMalformed_neverAnotherException() {
        for (String payload : List.of("", "A", "AB=", "a+b/", "AB", "////", "_____________________")) {
            assertThatThrownBy(() -> INVITE.decode(payload))
                    .as(payload)
                    .isInstanceOfSatisfying(
                            InvalidPayloadException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void aLastCharacterWithUnusedBits_isRefused_soNoTwoPayloadsCarryTheSameBytes() {
        assertThat(PayloadCodec.longValue().encode(0L)).isEqualTo("AA");
        assertThatThrownBy(() -> PayloadCodec.longValue().decode("AB"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("canonical");
    }

    @Test
    void bytesAfterTheFields_orFieldsTheRecordRefuses_areMalformed() {
        String text = PayloadCodec.string().encode("abc");
        assertThatThrownBy(() -> PayloadCodec.longValue().decode(text)).hasMessageContaining("bytes after its fields");
        String negativeSeats = PayloadCodec.<Integer>of(
                        (out, n) -> out.putLong(5).putInt(n).putBoolean(false).putString(""), in -> 0)
                .encode(-2);
        assertThatThrownBy(() -> INVITE.decode(negativeSeats))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("seats < 0");
    }

    @Test
    void aSignedPayload_signedWithAnotherSecret_orUnsigned_isRefused() {
        PayloadCodec<Long> ours = PayloadCodec.longValue().signed(SECRET);
        PayloadCodec<Long> theirs =
                PayloadCodec.longValue().signed("another secret, as long".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ours.decode(theirs.encode(42L)))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORGED));
        assertThatThrownBy(() -> ours.decode(PayloadCodec.longValue().encode(42L)))
                .isInstanceOf(InvalidPayloadException.class);
        assertThat(ours.decode(ours.encode(42L))).isEqualTo(42L);
    }

    @Test
    void aSecret_isAtLeastSixteenBytes_andACodecIsSignedOnce() {
        assertThatThrownBy(() -> PayloadCodec.longValue().signed(new byte[15]))
                .hasMessage("a signing secret is at least 16 bytes, this one is 15");
        assertThatThrownBy(() -> PayloadCodec.longValue().signed(SECRET).signed(SECRET))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeepLinksPayload_isAtMost64Characters_theRefusalNamingTheLength() {
        DeepLink<String> note = DeepLink.of("p", PayloadCodec.string());

        // "p_" and 45 characters of text with their length byte: 46 bytes, 62 characters of base64url.
        assertThat(note.payload("x".repeat(45))).hasSize(64);
        assertThatThrownBy(() -> note.payload("x".repeat(46)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a deep-link payload is at most 64 characters, this one is 65");
        assertThat(note.decode(note.payload("x".repeat(45)))).isEqualTo("x".repeat(45));
    }

    @Test
    void aPrefix_hasNoSeparator_soNoPrefixTakesAnothersPayloads() {
        assertThatThrownBy(() -> DeepLink.of("re_f", PayloadCodec.string()))
                .hasMessage("a deep link's prefix is 1-16 of A-Z a-z 0-9, was \"re_f\"");
        DeepLink<String> re = DeepLink.of("re", PayloadCodec.string());
        DeepLink<String> ref = DeepLink.of("ref", PayloadCodec.string());
        String payload = ref.payload("abc");

        assertThat(DeepLink.prefixOf(payload)).isEqualTo("ref");
        assertThatThrownBy(() -> re.decode(payload)).isInstanceOf(InvalidPayloadException.class);
        assertThat(ref.decode(payload)).isEqualTo("abc");
    }
}
