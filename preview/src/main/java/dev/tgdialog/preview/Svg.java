package dev.tgdialog.preview;

import dev.tgdialog.preview.TransitionMap.Edge;
import dev.tgdialog.preview.TransitionMap.Node;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link TransitionMap} as SVG: ELK's layered algorithm places the dialogs (as boxes holding their windows),
 * the windows and the edges with their labels, top to bottom; this class only writes the shapes where ELK put them.
 * Text widths are estimated for a monospace font, so the same map always gives the same image.
 */
final class Svg {
    private static final double CHAR_WIDTH = 7.3;
    private static final double FONT_SIZE = 12;
    private static final double NODE_HEIGHT = 30;
    private static final double TITLE_HEIGHT = 24;
    private static final double LEGEND_HEIGHT = 28;

    private Svg() {}

    static String write(TransitionMap map, @Nullable Node highlighted) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);

        Map<String, ElkNode> dialogs = new LinkedHashMap<>();
        Map<Node, ElkNode> nodes = new LinkedHashMap<>();
        for (Node node : map.nodes()) {
            ElkNode parent = root;
            if (node instanceof Node.Window w) {
                parent = dialogs.computeIfAbsent(w.dialog(), d -> {
                    ElkNode box = ElkGraphUtil.createNode(root);
                    // Room above the windows for the dialog's name, and at least its width.
                    box.setProperty(CoreOptions.PADDING, new ElkPadding(TITLE_HEIGHT + 8, 12, 12, 12));
                    box.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
                    box.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(textWidth(d) + 24, TITLE_HEIGHT));
                    return box;
                });
            }
            ElkNode elk = ElkGraphUtil.createNode(parent);
            elk.setDimensions(Math.max(60, textWidth(label(node)) + 20), NODE_HEIGHT);
            nodes.put(node, elk);
        }
        Map<Edge, ElkEdge> edges = new LinkedHashMap<>();
        for (Edge edge : map.edges()) {
            ElkEdge elk = ElkGraphUtil.createSimpleEdge(nodes.get(edge.from()), nodes.get(edge.to()));
            ElkGraphUtil.updateContainment(elk);
            if (edge.declared()) {
                ElkLabel label = ElkGraphUtil.createLabel(String.join(", ", edge.moves()), elk);
                label.setDimensions(textWidth(label.getText()), FONT_SIZE + 2);
            }
            edges.put(edge, elk);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        // A coverage map says below the graph what its strokes mean.
        double legend = map.coverage() ? LEGEND_HEIGHT : 0;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(num(root.getWidth()))
                .append("\" height=\"")
                .append(num(root.getHeight() + legend))
                .append("\" viewBox=\"0 0 ")
                .append(num(root.getWidth()))
                .append(' ')
                .append(num(root.getHeight() + legend))
                .append("\" font-family=\"monospace\" font-size=\"")
                .append(num(FONT_SIZE))
                .append("\">\n");
        out.append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\""
                + " fill=\"#455a64\"/></marker></defs>\n");
        out.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        dialogs.forEach((dialog, box) -> {
            double[] at = absolute(box);
            out.append("  <g class=\"dialog\">\n    <rect x=\"")
                    .append(num(at[0]))
                    .append("\" y=\"")
                    .append(num(at[1]))
                    .append("\" width=\"")
                    .append(num(box.getWidth()))
                    .append("\" height=\"")
                    .append(num(box.getHeight()))
                    .append("\" rx=\"8\" fill=\"#eceff1\" stroke=\"#90a4ae\"/>\n    <text x=\"")
                    .append(num(at[0] + 12))
                    .append("\" y=\"")
                    .append(num(at[1] + 20))
                    .append("\" font-weight=\"bold\">")
                    .append(Html.escape(dialog))
                    .append("</text>\n  </g>\n");
        });
        edges.forEach((edge, elk) -> writeEdge(out, map, edge, elk));
        nodes.forEach((node, elk) -> writeNode(out, node, elk, node.equals(highlighted)));
        if (map.coverage()) {
            TransitionMap.Counts c = map.counts();
            out.append("  <text class=\"legend\" x=\"16\" y=\"")
                    .append(num(root.getHeight() + LEGEND_HEIGHT - 10))
                    .append("\" fill=\"#37474f\">")
                    .append(c.declared())
                    .append(" declared moves: ")
                    .append(c.taken())
                    .append(" taken (solid), ")
                    .append(c.untaken())
                    .append(" untaken (dashed); ")
                    .append(c.undeclared())
                    .append(" steps taken that nothing declares (thick green)</text>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void writeEdge(StringBuilder out, TransitionMap map, Edge edge, ElkEdge elk) {
        double[] origin = absolute(elk.getContainingNode());
        StringBuilder path = new StringBuilder();
        for (ElkEdgeSection section : elk.getSections()) {
            path.append(path.length() == 0 ? "M " : " M ")
                    .append(point(origin, section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                path.append(" L ").append(point(origin, bend.getX(), bend.getY()));
            }
            path.append(" L ").append(point(origin, section.getEndX(), section.getEndY()));
        }
        String style = !edge.declared()
                ? " stroke-width=\"2.5\" stroke=\"#2e7d32\""
                : map.coverage() && !edge.taken()
                        ? " stroke-width=\"1.2\" stroke=\"#455a64\" stroke-dasharray=\"5 4\""
                        : " stroke-width=\"1.2\" stroke=\"#455a64\"";
        out.append("  <path class=\"edge")
                .append(!edge.declared() ? " undeclared" : map.coverage() && !edge.taken() ? " untaken" : "")
                .append("\" data-from=\"")
                .append(Html.escape(TransitionMap.name(edge.from())))
                .append("\" data-to=\"")
                .append(Html.escape(TransitionMap.name(edge.to())))
                .append("\" d=\"")
                .append(path)
                .append("\" fill=\"none\"")
                .append(style)
                .append(" marker-end=\"url(#arrow)\"/>\n");
        for (ElkLabel label : elk.getLabels()) {
            out.append("  <text class=\"edge-label\" x=\"")
                    .append(num(origin[0] + label.getX()))
                    .append("\" y=\"")
                    .append(num(origin[1] + label.getY() + FONT_SIZE - 1))
                    .append("\" fill=\"#37474f\" font-size=\"11\">")
                    .append(Html.escape(label.getText()))
                    .append("</text>\n");
        }
    }

    private static void writeNode(StringBuilder out, Node node, ElkNode elk, boolean highlighted) {
        double[] at = absolute(elk);
        String fill = highlighted ? "#ffd54f" : node instanceof Node.Window ? "#ffffff" : "#cfd8dc";
        String stroke = highlighted ? "#f57f17" : "#546e7a";
        out.append("  <g class=\"node\" data-node=\"")
                .append(Html.escape(TransitionMap.name(node)))
                .append("\">\n    <rect x=\"")
                .append(num(at[0]))
                .append("\" y=\"")
                .append(num(at[1]))
                .append("\" width=\"")
                .append(num(elk.getWidth()))
                .append("\" height=\"")
                .append(num(elk.getHeight()))
                .append("\" rx=\"")
                .append(node instanceof Node.Window ? "4" : "15")
                .append("\" fill=\"")
                .append(fill)
                .append("\" stroke=\"")
                .append(stroke)
                .append(highlighted ? "\" stroke-width=\"3" : "")
                .append("\"/>\n    <text x=\"")
                .append(num(at[0] + elk.getWidth() / 2))
                .append("\" y=\"")
                .append(num(at[1] + elk.getHeight() / 2 + FONT_SIZE / 2 - 2))
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(label(node)))
                .append("</text>\n  </g>\n");
    }

    private static String label(Node node) {
        return node instanceof Node.Window w ? w.window() : node == Node.Terminal.START ? "start" : "end";
    }

    private static double textWidth(String text) {
        return text.codePointCount(0, text.length()) * CHAR_WIDTH;
    }

    /** The node's top-left corner in the root's coordinates (ELK places a node relative to its parent). */
    private static double[] absolute(@Nullable ElkNode node) {
        double x = 0;
        double y = 0;
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            x += n.getX();
            y += n.getY();
        }
        return new double[] {x, y};
    }

    private static String point(double[] origin, double x, double y) {
        return num(origin[0] + x) + " " + num(origin[1] + y);
    }

    private static String num(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
