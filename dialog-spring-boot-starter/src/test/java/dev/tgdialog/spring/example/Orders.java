package dev.tgdialog.spring.example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Service;

/** The shop's own service, which the order dialog calls: the orders placed, as "size for user". */
@Service
public class Orders {
    private final List<String> placed = new CopyOnWriteArrayList<>();

    void place(String size, long userId) {
        placed.add(size + " for " + userId);
    }

    List<String> placed() {
        return List.copyOf(placed);
    }
}
