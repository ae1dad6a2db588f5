package dev.tgdialog.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BotLinkTest {
    final BotLink bot = BotLink.of("@PizzaBot");

    @Test
    void everyKindOfLink_hasTelegramsDocumentedForm() {
        assertThat(bot.start("ref_AQ")).isEqualTo("https://t.me/PizzaBot?start=ref_AQ");
        assertThat(bot.startGroup("team-1")).isEqualTo("https://t.me/PizzaBot?startgroup=team-1");
        assertThat(bot.startGroup("")).isEqualTo("https://t.me/PizzaBot?startgroup");
        assertThat(bot.startGroup("x", AdminRight.PIN_MESSAGES, AdminRight.CHANGE_INFO, AdminRight.PIN_MESSAGES))
                .isEqualTo("https://t.me/PizzaBot?startgroup=x&admin=change_info+pin_messages");
        assertThat(bot.startGroup("", AdminRight.DELETE_MESSAGES))
                .isEqualTo("https://t.me/PizzaBot?startgroup&admin=delete_messages");
        assertThat(bot.startChannel(AdminRight.POST_MESSAGES, AdminRight.EDIT_MESSAGES))
                .isEqualTo("https://t.me/PizzaBot?startchannel&admin=post_messages+edit_messages");
        assertThat(bot.startApp("menu")).isEqualTo("https://t.me/PizzaBot?startapp=menu");
        assertThat(bot.startApp("")).isEqualTo("https://t.me/PizzaBot?startapp");
        assertThat(bot.startApp("shop", "item_42")).isEqualTo("https://t.me/PizzaBot/shop?startapp=item_42");
        assertThat(bot.startAttach("x")).isEqualTo("https://t.me/PizzaBot?startattach=x");
        assertThat(bot.username()).isEqualTo("PizzaBot");
    }

    @Test
    void adminRights_useTheLinksIdentifiers() {
        assertThat(AdminRight.MANAGE_VIDEO_CHATS.linkName()).isEqualTo("manage_video_chats");
        assertThat(AdminRight.RESTRICT_MEMBERS.linkName()).isEqualTo("restrict_members");
    }

    @Test
    void aBotUsername_isChecked() {
        assertThat(BotLink.of("ab_bot").username()).isEqualTo("ab_bot");
        for (String bad : new String[] {"pizza", "1pizzabot", "bot", "pizza-bot", "a".repeat(30) + "bot"}) {
            assertThatThrownBy(() -> BotLink.of(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was \"" + bad + "\"");
        }
    }

    @Test
    void aPayload_isRefusedWhenTheLinkIsBuilt_ifTelegramWouldNotTakeIt() {
        assertThat(bot.start("a".repeat(64))).endsWith("=" + "a".repeat(64));
        assertThatThrownBy(() -> bot.start("a".repeat(65)))
                .hasMessageStartingWith("a deep-link payload is at most 64 characters, this one is 65");
        assertThatThrownBy(() -> bot.startApp("a b"))
                .hasMessage("a deep-link payload takes only A-Z a-z 0-9 _ -, was \"a b\"");
        assertThatThrownBy(() -> bot.start("")).hasMessageContaining("needs a payload");
        assertThatThrownBy(() -> bot.startApp("x", "y")).hasMessageContaining("short name");
    }
}
