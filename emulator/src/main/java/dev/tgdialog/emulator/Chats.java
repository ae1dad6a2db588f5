package dev.tgdialog.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who the page can be and where: the users, each in a private chat with the bot, and the groups all of them are in. */
final class Chats {

    /** A user of the fake Telegram the page can be. */
    record Person(long id, String name) {}

    /** A chat the page can show: a user's private chat with the bot (its id the user's) or a group. */
    record Chat(long id, String title, String type) {}

    private final List<Person> users;
    private final List<Chat> groups;

    Chats(Map<Long, String> users, Map<Long, String> groups) {
        List<Person> people = new ArrayList<>();
        users.forEach((id, name) -> people.add(new Person(id, name)));
        List<Chat> chats = new ArrayList<>();
        groups.forEach((id, title) -> chats.add(new Chat(id, title, "supergroup")));
        this.users = List.copyOf(people);
        this.groups = List.copyOf(chats);
    }

    List<Person> users() {
        return users;
    }

    Optional<Person> user(long id) {
        return users.stream().filter(p -> p.id() == id).findFirst();
    }

    /** The chats of a user: the private one first, then the groups. */
    List<Chat> chatsOf(Person user) {
        List<Chat> chats = new ArrayList<>();
        chats.add(new Chat(user.id(), "Private chat", "private"));
        chats.addAll(groups);
        return List.copyOf(chats);
    }

    Optional<Chat> chat(Person user, long chatId) {
        return chatsOf(user).stream().filter(c -> c.id() == chatId).findFirst();
    }
}
