package dev.tgdialog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mini App {@code initData} and Login Widget data, signed in the test exactly as Telegram's documentation describes
 * (core.telegram.org/bots/webapps, "Validating data received via the Mini App" and "for third-party use";
 * core.telegram.org/widgets/login, "Checking authorization"), with a test token and, for Ed25519, a test key pair
 * standing in for Telegram's: accepted when intact, refused with the right reason otherwise.
 */
class AuthDataTest {
    static final String TOKEN = "123456:AAH-test-token-of-a-test-bot";
    static final long BOT_ID = 123456;
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String USER = "{\"id\":1001,\"first_name\":\"Ann\",\"username\":\"ann\",\"language_code\":\"de\"}";

    final InitDataValidator validator = InitDataValidator.forToken(TOKEN).clock(CLOCK);

    // --- signing as the documentation says ------------------------------------------------------------------------

    static byte[] hmac(byte[] key, String text) throws Exception {
        return SignedForTests.hmac(key, text);
    }

    static String checkString(Map<String, String> fields) {
        return SignedForTests.checkString(fields);
    }

    static String query(Map<String, String> fields) {
        return SignedForTests.query(fields);
    }

    static Map<String, String> fields(Instant authDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
        fields.put("user", USER);
        fields.put("chat_type", "sender");
        fields.put("start_param", "pizza");
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        return fields;
    }

    /** initData with its hash, signed with {@code token}. */
    static String signed(String token, Map<String, String> fields) throws Exception {
        return SignedForTests.initData(token, fields);
    }

    // --- first-party ----------------------------------------------------------------------------------------------

    @Test
    void validData_isAccepted_andReadIntoTypedValues() throws Exception {
        InitData data = validator.validate(signed(TOKEN, fields(NOW.minusSeconds(60))));

        assertThat(data.user().id()).isEqualTo(1001);
        assertThat(data.user().firstName()).isEqualTo("Ann");
        assertThat(data.user().languageCode()).isEqualTo("de");
        assertThat(data.chatType()).isEqualTo("sender");
        assertThat(data.startParameter()).isEqualTo("pizza");
        assertThat(data.queryId()).isEqualTo("AAHdF6IQAAAAAN0XohDhrOrc");
        assertThat(data.authDate()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void oneChangedCharacter_isRefusedAsAMismatch() throws Exception {
        String data = signed(TOKEN, fields(NOW)).replace("Ann", "Anne");

        assertRefused(() -> validator.validate(data), InvalidAuthDataException.Reason.MISMATCH);
    }

    @Test
    void aStaleAuthDate_isRefusedAsExpired_andOneAheadOfTheClockAsFromTheFuture() throws Exception {
        String stale = signed(TOKEN, fields(NOW.minus(Duration.ofHours(2))));

        assertThat(validator.validate(stale).user().id()).as("within a day").isEqualTo(1001);
        assertRefused(
                () -> validator.maxAge(Duration.ofHours(1)).validate(stale), InvalidAuthDataException.Reason.EXPIRED);
        assertRefused(
                () -> validator.validate(signed(TOKEN, fields(NOW.plus(Duration.ofMinutes(5))))),
                InvalidAuthDataException.Reason.FROM_THE_FUTURE);
    }

    @Test
    void aMissingHash_andDataForAnotherBot_areRefused_withoutEverShowingTheToken() throws Exception {
        assertRefused(() -> validator.validate(query(fields(NOW))), InvalidAuthDataException.Reason.MISSING_HASH);
        InvalidAuthDataException other = assertRefused(
                () -> validator.validate(signed("654321:AAH-another-bot", fields(NOW))),
                InvalidAuthDataException.Reason.MISMATCH);
        assertThat(other.getMessage()).doesNotContain(TOKEN).doesNotContain("AAH");
        assertRefused(() -> validator.validate("not a query"), InvalidAuthDataException.Reason.MALFORMED);
    }

    // --- third-party ----------------------------------------------------------------------------------------------

    /** initData signed for a third party with {@code key} for bot {@code botId} (and hashed with the token too). */
    static String thirdPartySigned(KeyPair key, long botId, Map<String, String> fields) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update((botId + ":WebAppData\n" + checkString(fields)).getBytes(StandardCharsets.UTF_8));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign()));
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), TOKEN);
        all.put("hash", HexFormat.of().formatHex(hmac(secret, checkString(all))));
        return query(all);
    }

    static byte[] raw(KeyPair key) {
        byte[] der = key.getPublic().getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    @Test
    void aThirdParty_checksTelegramsSignature_forItsBot_andEnvironment() throws Exception {
        KeyPair testEnvironment = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String data = thirdPartySigned(testEnvironment, BOT_ID, fields(NOW));

        InitData read = InitDataValidator.thirdParty(BOT_ID, raw(testEnvironment))
                .clock(CLOCK)
                .validate(data);
        assertThat(read.user().id()).isEqualTo(1001);
        assertThat(validator.validate(data).user().id())
                .as("the token's hash covers the signature too")
                .isEqualTo(1001);

        assertRefused(
                () -> InitDataValidator.thirdParty(BOT_ID, InitDataValidator.Environment.PRODUCTION)
                        .clock(CLOCK)
                        .validate(data),
                InvalidAuthDataException.Reason.MISMATCH);
        assertRefused(
                () -> InitDataValidator.thirdParty(BOT_ID + 1, raw(testEnvironment))
                        .clock(CLOCK)
                        .validate(data),
                InvalidAuthDataException.Reason.MISMATCH);
        assertRefused(
                () -> InitDataValidator.thirdParty(BOT_ID, raw(testEnvironment))
                        .clock(CLOCK)
                        .validate(signed(TOKEN, fields(NOW))),
                InvalidAuthDataException.Reason.MISSING_HASH);
    }

    // --- Login Widget ---------------------------------------------------------------------------------------------

    static String loginSigned(String token, Map<String, String> fields) throws Exception {
        byte[] secret = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("hash", HexFormat.of().formatHex(hmac(secret, checkString(fields))));
        return query(all);
    }

    static Map<String, String> login(Instant authDate) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "1001");
        fields.put("first_name", "Ann");
        fields.put("username", "ann");
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        return fields;
    }

    @Test
    void loginWidgetData_isAcceptedIntact_andRefusedChangedStaleOrForAnotherBot() throws Exception {
        LoginWidgetValidator login = LoginWidgetValidator.forToken(TOKEN).clock(CLOCK);

        assertThat(login.validate(loginSigned(TOKEN, login(NOW))).username()).isEqualTo("ann");
        assertRefused(
                () -> login.validate(loginSigned(TOKEN, login(NOW)).replace("id=1001", "id=1002")),
                InvalidAuthDataException.Reason.MISMATCH);
        assertRefused(
                () -> login.validate(loginSigned(TOKEN, login(NOW.minus(Duration.ofDays(2))))),
                InvalidAuthDataException.Reason.EXPIRED);
        assertRefused(
                () -> login.validate(loginSigned("654321:AAH-another-bot", login(NOW))),
                InvalidAuthDataException.Reason.MISMATCH);
        assertRefused(() -> login.validate(signed(TOKEN, fields(NOW))), InvalidAuthDataException.Reason.MISMATCH);
    }

    interface Check {
        Object run() throws Exception;
    }

    static InvalidAuthDataException assertRefused(Check check, InvalidAuthDataException.Reason reason) {
        InvalidAuthDataException[] caught = {null};
        assertThatThrownBy(() -> {
                    try {
                        check.run();
                    } catch (InvalidAuthDataException e) {
                        caught[0] = e;
                        throw e;
                    }
                })
                .isInstanceOf(InvalidAuthDataException.class)
                .satisfies(
                        e -> assertThat(((InvalidAuthDataException) e).reason()).isEqualTo(reason));
        return caught[0];
    }
}
