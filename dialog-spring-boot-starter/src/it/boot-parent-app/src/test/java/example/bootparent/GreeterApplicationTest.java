package example.bootparent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.spring.test.TgdialogTest;
import dev.tgdialog.telegram.TelegramClient;
import dev.tgdialog.telegram.methods.GetMe;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeTelegram;
import dev.tgdialog.testing.FakeUser;
import dev.tgdialog.testing.LoopbackServer;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TgdialogTest
class GreeterApplicationTest {
    @Autowired
    BotHarness harness;

    @Test
    void start_greets_andTheButtonSaysBye() {
        FakeUser ann = harness.user(1001, "Ann");

        ann.send("/start");
        assertThat(ann.lastMessage().text()).isEqualTo("Hello!");
        assertThat(ann.buttons()).containsExactly("Wave");
        ann.click("Wave");

        assertThat(ann.lastMessage().text()).isEqualTo("Bye!");
    }

    @Test
    void theClassPath_holdsTheVersionsTgdialogNeeds_notSpringBootsOwn() throws Exception {
        assertThat(mavenVersion("redis.clients", "jedis")).isEqualTo("7.2.1");
        assertThat(Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null)).hasToString("2.2.21");
        assertThat(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null)).isEqualTo("5.3.2");
        // Jedis 7's standalone client, which dialog-redis takes and Jedis 6 lacks.
        assertThat(Class.forName("redis.clients.jedis.RedisClient")).isNotNull();
    }

    @Test
    void theDefaultClient_talksOverOkHttpWithThisKotlin() {
        try (LoopbackServer api = new FakeTelegram().serve();
                TelegramClient telegram = TelegramClient.builder(FakeTelegram.TOKEN)
                        .baseUrl(api.baseUrl())
                        .build()) {
            assertThat(telegram.execute(GetMe.of()).username()).isEqualTo(FakeTelegram.BOT_USERNAME);
        }
    }

    private static String mavenVersion(String groupId, String artifactId) throws Exception {
        String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = GreeterApplicationTest.class.getResourceAsStream(path)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
