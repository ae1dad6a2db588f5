package dev.tgdialog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tgdialog.telegram.types.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's Mini App and Login Widget snippet, run on data signed here with the bot's token. */
class ReadmeMiniAppsExampleTest {
    private final String token = AuthDataTest.TOKEN;

    private long userId;
    private User user;

    private void example(String initDataFromTheMiniApp, String loginQueryString) throws InvalidAuthDataException {
        // spotless:off (the README shows this snippet as it is)
        // --- README: mini apps ---
        InitData data = InitDataValidator.forToken(token).validate(initDataFromTheMiniApp);   // throws when not Telegram's
        long userId = data.user().id();

        User user = LoginWidgetValidator.forToken(token).maxAge(Duration.ofHours(1)).validate(loginQueryString);
        // --- end ---
        // spotless:on
        this.userId = userId;
        this.user = user;
    }

    @Test
    void theSnippet_readsTheMiniAppsUser_andTheLoginWidgetsUser() throws Exception {
        Instant now = Instant.now();
        String initData = AuthDataTest.signed(token, AuthDataTest.fields(now.minusSeconds(60)));
        String login = AuthDataTest.loginSigned(token, AuthDataTest.login(now.minusSeconds(60)));

        example(initData, login);

        assertThat(userId).isEqualTo(1001);
        assertThat(user.id()).isEqualTo(1001);
        assertThat(user.firstName()).isEqualTo("Ann");
    }

    @Test
    void theSnippet_throws_whenTheDataIsNotSignedWithTheToken() throws Exception {
        Instant now = Instant.now();
        String forged = AuthDataTest.signed("654321:AAH-another-bot", AuthDataTest.fields(now));
        String login = AuthDataTest.loginSigned(token, AuthDataTest.login(now));

        assertThatThrownBy(() -> example(forged, login))
                .isInstanceOfSatisfying(
                        InvalidAuthDataException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidAuthDataException.Reason.MISMATCH));
    }
}
