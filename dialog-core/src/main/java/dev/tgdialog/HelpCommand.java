package dev.tgdialog;

import dev.tgdialog.internal.publish.CommandPublisher;
import dev.tgdialog.internal.publish.CommandPublisher.Target;
import dev.tgdialog.telegram.types.BotCommand;
import dev.tgdialog.telegram.types.BotCommandScope;
import dev.tgdialog.telegram.types.BotCommandScopeAllGroupChats;
import dev.tgdialog.telegram.types.BotCommandScopeAllPrivateChats;
import dev.tgdialog.telegram.types.BotCommandScopeChat;
import dev.tgdialog.telegram.types.BotCommandScopeChatMember;
import dev.tgdialog.telegram.types.BotCommandScopeDefault;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The opt-in {@code /help} of {@link DialogBot.Builder#help}: answers with the declared commands this user sees in
 * this chat's command list, in their language, as a plain-text message. Immutable, so thread-safe.
 */
final class HelpCommand implements CommandHandler {
    private final Map<Target, List<BotCommand>> lists;
    private final String heading;
    private final Map<String, String> headings;

    HelpCommand(Collection<Command> declared, String heading, Map<String, String> headings) {
        this.lists = CommandPublisher.lists(declared);
        this.heading = heading;
        this.headings = Map.copyOf(headings);
    }

    @Override
    public Transition handle(DialogContext ctx, String args) {
        String language = languageOf(ctx);
        StringJoiner text = new StringJoiner("\n");
        text.add(headings.getOrDefault(language, heading));
        for (BotCommand command : commandsFor(ctx.chatId(), ctx.userId(), language)) {
            text.add("/" + command.command() + " — " + command.description());
        }
        // Its own message, sent without a parse mode so a description's * or _ shows as typed; an open window then
        // shows again below it, as after any command that leaves the dialog open, so the user can go on.
        ctx.send(text.toString());
        return Transition.stay();
    }

    /**
     * The language whose descriptions the user reads: the language part of {@link DialogContext#language} ({@code pt}
     * of {@code pt-br}), {@code ""} when it is not known.
     */
    static String languageOf(DialogContext ctx) {
        return ctx.language().map(Locale::getLanguage).orElse("");
    }

    /**
     * The list Telegram shows this user in this chat, found as the Bot API's "Determining list of commands" says:
     * the first scope with commands wins, and within it the list of the user's language if there is one. Whether a
     * group member is an administrator is not in the update, so the administrator scopes are never consulted.
     */
    List<BotCommand> commandsFor(long chatId, long userId, String language) {
        // A user's private chat has the user's (positive) id; groups have negative ids.
        List<BotCommandScope> scopes = chatId > 0
                ? List.of(
                        BotCommandScopeChat.of(chatId),
                        BotCommandScopeAllPrivateChats.of(),
                        BotCommandScopeDefault.of())
                : List.of(
                        BotCommandScopeChatMember.of(chatId, userId),
                        BotCommandScopeChat.of(chatId),
                        BotCommandScopeAllGroupChats.of(),
                        BotCommandScopeDefault.of());
        for (BotCommandScope scope : scopes) {
            List<BotCommand> listed = lists.get(new Target(scope, language));
            if (listed == null) {
                listed = lists.get(new Target(scope, ""));
            }
            if (listed != null && !listed.isEmpty()) {
                return listed;
            }
        }
        return List.of();
    }
}
