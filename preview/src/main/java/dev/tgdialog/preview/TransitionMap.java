package dev.tgdialog.preview;

import dev.tgdialog.Dialog;
import dev.tgdialog.Step;
import dev.tgdialog.Transition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The graph of a bot's dialogs: their windows, and the moves between them that widgets declare ({@link
 * dev.tgdialog.spi.Widget#leadsTo()}), merged with the steps tests took ({@link #withObserved}). Without observed
 * steps it is the declared map; with them, a coverage map in which declared edges no test took are marked untaken,
 * and steps nothing declares are added as undeclared edges. An immutable, thread-safe value; {@link #mermaid()} and {@link
 * #svg()} draw it.
 *
 * <p>How moves become edges: {@code next} and {@code back} go to the window declared after or before; {@code
 * switchTo} to the named window; {@code start} to the first window of the dialog started; {@code done} back to every
 * window that declares starting this dialog, or to {@link Node.Terminal#END} when none does.
 *
 * @param nodes the windows, dialog by dialog in the order given, then the terminals edges use
 * @param edges the edges, declared ones in declaration order, then undeclared ones sorted
 * @param coverage whether observed steps were merged in (untaken edges are then drawn dashed)
 */
public record TransitionMap(List<Node> nodes, List<Edge> edges, boolean coverage) {

    public TransitionMap {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A node of the map: a dialog's window, or where a conversation starts or ends. */
    public sealed interface Node permits Node.Window, Node.Terminal {

        /** A window of a dialog. */
        record Window(String dialog, String window) implements Node {
            public Window {
                Objects.requireNonNull(dialog, "dialog");
                Objects.requireNonNull(window, "window");
            }
        }

        /** No dialog open: before the first dialog starts ({@code START}), after the last one closes ({@code END}). */
        enum Terminal implements Node {
            START,
            END
        }

        /** The node a step's end stands for: its window, or the terminal for an empty stack. */
        static Node of(Step.@Nullable At at, Terminal empty) {
            return at == null ? empty : new Window(at.dialog(), at.window());
        }
    }

    /**
     * An edge from one node to another.
     *
     * @param from where the move starts
     * @param to where it leads
     * @param moves the kinds of declared move it stands for ({@code next}, {@code back}, {@code switch}, {@code start},
     *     {@code done}), in order; empty for an undeclared edge
     * @param taken whether a test took it
     */
    public record Edge(Node from, Node to, List<String> moves, boolean taken) {
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            moves = List.copyOf(moves);
        }

        /** Whether a widget declares this edge. */
        public boolean declared() {
            return !moves.isEmpty();
        }
    }

    /**
     * How much of the declared map the tests covered.
     *
     * @param declared declared edges
     * @param taken declared edges a test took
     * @param untaken declared edges no test took
     * @param undeclared steps tests took that nothing declares (entries by command, moves of unhinted handlers)
     */
    public record Counts(int declared, int taken, int untaken, int undeclared) {}

    /** The map of what the widgets of these dialogs declare. */
    public static TransitionMap declared(List<Dialog> dialogs) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Dialog> byId = new LinkedHashMap<>();
        for (Dialog dialog : dialogs) {
            byId.put(dialog.id(), dialog);
            dialog.windowIds().forEach(w -> nodes.add(new Node.Window(dialog.id(), w)));
        }
        // Who starts whom, for the edges of done: a dialog returns to the windows that start it on top of theirs (a
        // start that resets the stack, or opens a new one, leaves nothing to return to).
        Map<String, List<Node.Window>> starters = new LinkedHashMap<>();
        for (Dialog dialog : dialogs) {
            for (String window : dialog.windowIds()) {
                for (Transition.Move move : dialog.declaredMoves(window)) {
                    if (move instanceof Transition.Start start && start.mode() == dev.tgdialog.StartMode.NORMAL) {
                        starters.computeIfAbsent(start.dialog().id(), k -> new ArrayList<>())
                                .add(new Node.Window(dialog.id(), window));
                    }
                }
            }
        }
        Map<List<Node>, List<String>> edges = new LinkedHashMap<>();
        for (Dialog dialog : dialogs) {
            List<String> windows = dialog.windowIds();
            for (int i = 0; i < windows.size(); i++) {
                Node.Window from = new Node.Window(dialog.id(), windows.get(i));
                for (Transition.Move move : dialog.declaredMoves(windows.get(i))) {
                    for (Node to : targets(dialog, i, move, starters)) {
                        List<String> kinds = edges.computeIfAbsent(List.of(from, to), k -> new ArrayList<>());
                        String kind = kind(move);
                        if (!kinds.contains(kind)) {
                            kinds.add(kind);
                        }
                    }
                }
            }
        }
        List<Edge> list = new ArrayList<>();
        edges.forEach((ends, kinds) -> list.add(new Edge(ends.get(0), ends.get(1), kinds, false)));
        return new TransitionMap(withTerminals(nodes, list), list, false);
    }

    /**
     * This map with these observed steps merged in: declared edges a step took are marked taken, and steps no edge
     * declares become undeclared edges (taken). The result is a coverage map.
     */
    public TransitionMap withObserved(Collection<Step> steps) {
        Map<List<Node>, Edge> merged = new LinkedHashMap<>();
        edges.forEach(e -> merged.put(List.of(e.from(), e.to()), e));
        List<Edge> extra = new ArrayList<>();
        Set<List<Node>> seen = new LinkedHashSet<>();
        for (Step step : steps) {
            List<Node> ends = List.of(Node.of(step.from(), Node.Terminal.START), Node.of(step.to(), Node.Terminal.END));
            Edge known = merged.get(ends);
            if (known != null) {
                merged.put(ends, new Edge(known.from(), known.to(), known.moves(), true));
            } else if (seen.add(ends)) {
                extra.add(new Edge(ends.get(0), ends.get(1), List.of(), true));
            }
        }
        extra.sort(Comparator.comparing((Edge e) -> name(e.from())).thenComparing(e -> name(e.to())));
        List<Edge> all = new ArrayList<>(merged.values());
        all.addAll(extra);
        List<Node> windows =
                nodes.stream().filter(n -> n instanceof Node.Window).toList();
        return new TransitionMap(withTerminals(windows, all), all, true);
    }

    /** The declared, taken, untaken and undeclared edge counts. */
    public Counts counts() {
        int declared = 0;
        int taken = 0;
        int undeclared = 0;
        for (Edge e : edges) {
            if (e.declared()) {
                declared++;
                if (e.taken()) {
                    taken++;
                }
            } else {
                undeclared++;
            }
        }
        return new Counts(declared, taken, declared - taken, undeclared);
    }

    /** The map as a Mermaid flowchart, a subgraph per dialog (GitHub draws it in a {@code mermaid} code block). */
    public String mermaid() {
        return Mermaid.write(this, null);
    }

    /** {@link #mermaid()} with {@code highlighted} (the window a user is at, say) filled in colour. */
    public String mermaid(@Nullable Node highlighted) {
        return Mermaid.write(this, highlighted);
    }

    /** The map as an SVG image, laid out by ELK's layered algorithm. */
    public String svg() {
        return Svg.write(this, null);
    }

    /** {@link #svg()} with {@code highlighted} filled in colour. */
    public String svg(@Nullable Node highlighted) {
        return Svg.write(this, highlighted);
    }

    /** A stable, readable name of a node: {@code dialog/WINDOW}, or the terminal's name. */
    static String name(Node node) {
        return node instanceof Node.Window w ? w.dialog() + "/" + w.window() : ((Node.Terminal) node).name();
    }

    /** The windows, those only edges name (a started dialog not given) after them, then the terminals edges use. */
    private static List<Node> withTerminals(List<Node> windows, List<Edge> edges) {
        List<Node> all = new ArrayList<>(windows);
        for (Edge e : edges) {
            for (Node n : List.of(e.from(), e.to())) {
                if (n instanceof Node.Window && !all.contains(n)) {
                    all.add(n);
                }
            }
        }
        for (Node.Terminal t : Node.Terminal.values()) {
            if (edges.stream().anyMatch(e -> e.from() == t || e.to() == t)) {
                all.add(t);
            }
        }
        return all;
    }

    private static List<Node> targets(
            Dialog dialog, int at, Transition.Move move, Map<String, List<Node.Window>> starters) {
        List<String> windows = dialog.windowIds();
        if (move instanceof Transition.Next) {
            return at + 1 < windows.size() ? List.of(new Node.Window(dialog.id(), windows.get(at + 1))) : List.of();
        } else if (move instanceof Transition.Back) {
            return at > 0 ? List.of(new Node.Window(dialog.id(), windows.get(at - 1))) : List.of();
        } else if (move instanceof Transition.SwitchTo s) {
            return windows.contains(s.windowId()) ? List.of(new Node.Window(dialog.id(), s.windowId())) : List.of();
        } else if (move instanceof Transition.Start s) {
            return List.of(
                    new Node.Window(s.dialog().id(), s.dialog().windowIds().get(0)));
        } else if (move instanceof Transition.Done) {
            List<Node.Window> parents = starters.get(dialog.id());
            return parents == null ? List.of(Node.Terminal.END) : List.copyOf(parents);
        }
        return List.of();
    }

    private static String kind(Transition.Move move) {
        if (move instanceof Transition.Next) {
            return "next";
        } else if (move instanceof Transition.Back) {
            return "back";
        } else if (move instanceof Transition.SwitchTo) {
            return "switch";
        } else if (move instanceof Transition.Start) {
            return "start";
        } else if (move instanceof Transition.Done) {
            return "done";
        }
        return "stay";
    }
}
