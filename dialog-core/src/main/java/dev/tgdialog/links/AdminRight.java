package dev.tgdialog.links;

import java.util.Locale;

/**
 * An administrator right a {@code startgroup} or {@code startchannel} link asks for, as Telegram's
 * <a href="https://core.telegram.org/api/links#bot-links">bot links</a> name them in the {@code admin} parameter.
 */
public enum AdminRight {
    CHANGE_INFO,
    POST_MESSAGES,
    EDIT_MESSAGES,
    DELETE_MESSAGES,
    RESTRICT_MEMBERS,
    INVITE_USERS,
    PIN_MESSAGES,
    MANAGE_TOPICS,
    PROMOTE_MEMBERS,
    MANAGE_VIDEO_CHATS,
    ANONYMOUS,
    MANAGE_CHAT,
    POST_STORIES,
    EDIT_STORIES,
    DELETE_STORIES;

    /** The identifier in the link's {@code admin} parameter, such as {@code delete_messages}. */
    public String linkName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
