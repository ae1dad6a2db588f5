package dev.tgdialog.preview;

import dev.tgdialog.preview.TransitionMap.Edge;
import dev.tgdialog.preview.TransitionMap.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link TransitionMap} as a Mermaid flowchart: a subgraph per dialog, {@code -->} for a declared edge
 * (taken, in a coverage map), {@code -.->} for one no test took, {@code ==>} for a step nothing declares.
 */
final class Mermaid {
    private Mermaid() {}

    static String write(TransitionMap map, @Nullable Node highlighted) {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        if (map.coverage()) {
            TransitionMap.Counts c = map.counts();
            out.append("  %% declared edges ")
                    .append(c.declared())
                    .append(", taken ")
                    .append(c.taken())
                    .append(", untaken ")
                    .append(c.untaken())
                    .append(", undeclared steps ")
                    .append(c.undeclared())
                    .append('\n');
        }
        Map<String, List<Node.Window>> byDialog = new LinkedHashMap<>();
        List<Node> terminals = new ArrayList<>();
        for (Node node : map.nodes()) {
            if (node instanceof Node.Window w) {
                byDialog.computeIfAbsent(w.dialog(), k -> new ArrayList<>()).add(w);
            } else {
                terminals.add(node);
            }
        }
        byDialog.forEach((dialog, windows) -> {
            out.append("  subgraph ")
                    .append("dialog_")
                    .append(clean(dialog))
                    .append("[\"")
                    .append(escape(dialog))
                    .append("\"]\n");
            for (Node.Window w : windows) {
                out.append("    ")
                        .append(id(w))
                        .append("[\"")
                        .append(escape(w.window()))
                        .append("\"]\n");
            }
            out.append("  end\n");
        });
        for (Node node : terminals) {
            out.append("  ").append(id(node)).append("((\"").append(label(node)).append("\"))\n");
        }
        for (Edge e : map.edges()) {
            String arrow = !e.declared() ? "==>" : map.coverage() && !e.taken() ? "-.->" : "-->";
            out.append("  ").append(id(e.from())).append(' ').append(arrow);
            if (e.declared()) {
                out.append("|").append(String.join(", ", e.moves())).append("|");
            }
            out.append(' ').append(id(e.to())).append('\n');
        }
        if (highlighted != null && map.nodes().contains(highlighted)) {
            out.append("  style ").append(id(highlighted)).append(" fill:#ffd54f,stroke:#f57f17,stroke-width:3px\n");
        }
        return out.toString();
    }

    /** A Mermaid node id: letters, digits and underscores only, unique per node. */
    static String id(Node node) {
        return node instanceof Node.Window w
                ? "w_" + clean(w.dialog()) + "_0" + clean(w.window())
                : "t_" + ((Node.Terminal) node).name();
    }

    private static String label(Node node) {
        return node == Node.Terminal.START ? "start" : "end";
    }

    /**
     * Dialog and window ids allow {@code A-Z a-z 0-9 _ . -}, Mermaid's ids fewer: {@code _} becomes {@code __},
     * {@code .} {@code _1} and {@code -} {@code _2}, and {@code _0} separates dialog from window, so the id reads back
     * one way only and distinct windows keep distinct ids.
     */
    private static String clean(String id) {
        return id.replace("_", "__").replace(".", "_1").replace("-", "_2");
    }

    private static String escape(String text) {
        return text.replace("\"", "#quot;");
    }
}
