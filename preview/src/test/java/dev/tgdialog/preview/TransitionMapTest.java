package dev.tgdialog.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Step;
import dev.tgdialog.preview.TransitionMap.Edge;
import dev.tgdialog.preview.TransitionMap.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionMapTest {
    static final Node PICK = new Node.Window("shop", "PICK");
    static final Node AMOUNT = new Node.Window("shop", "AMOUNT");
    static final Node CONFIRM = new Node.Window("shop", "CONFIRM");
    static final Node TOPICS = new Node.Window("help", "TOPICS");

    private final TransitionMap declared = TransitionMap.declared(List.of(SampleDialogs.SHOP, SampleDialogs.HELP));

    private static String edge(Edge e) {
        return TransitionMap.name(e.from()) + " -> " + TransitionMap.name(e.to()) + " " + e.moves();
    }

    @Test
    void declaredEdges_followNextBackSwitchStartAndDone_doneGoingBackToWhoStartsTheDialog() {
        assertThat(declared.edges())
                .extracting(TransitionMapTest::edge)
                .containsExactly(
                        "shop/PICK -> shop/AMOUNT [next]",
                        "shop/PICK -> help/TOPICS [start]",
                        "shop/AMOUNT -> shop/PICK [back]",
                        "shop/AMOUNT -> shop/CONFIRM [next]",
                        "shop/CONFIRM -> END [done]",
                        "shop/CONFIRM -> shop/PICK [switch]",
                        "help/TOPICS -> shop/PICK [done]");
        assertThat(declared.nodes()).containsExactly(PICK, AMOUNT, CONFIRM, TOPICS, Node.Terminal.END);
        assertThat(declared.coverage()).isFalse();
    }

    @Test
    void observedSteps_markDeclaredEdgesTaken_andAddTheUndeclaredOnes() {
        TransitionMap coverage = declared.withObserved(List.of(
                new Step(null, new Step.At("shop", "PICK")),
                new Step(new Step.At("shop", "PICK"), new Step.At("shop", "AMOUNT")),
                new Step(new Step.At("shop", "AMOUNT"), new Step.At("shop", "CONFIRM")),
                new Step(new Step.At("shop", "CONFIRM"), null)));

        assertThat(coverage.coverage()).isTrue();
        assertThat(coverage.edges())
                .filteredOn(Edge::taken)
                .extracting(TransitionMapTest::edge)
                .containsExactly(
                        "shop/PICK -> shop/AMOUNT [next]",
                        "shop/AMOUNT -> shop/CONFIRM [next]",
                        "shop/CONFIRM -> END [done]",
                        "START -> shop/PICK []");
        assertThat(coverage.counts()).isEqualTo(new TransitionMap.Counts(7, 3, 4, 1));
        assertThat(coverage.nodes()).contains(Node.Terminal.START, Node.Terminal.END);
    }

    @Test
    void mermaid_drawsDialogsAsSubgraphs_untakenEdgesDashed_undeclaredThick() {
        assertThat(declared.mermaid())
                .startsWith("flowchart TD\n")
                .contains("  subgraph dialog_shop[\"shop\"]\n    w_shop_0PICK[\"PICK\"]\n")
                .contains("  w_shop_0PICK -->|next| w_shop_0AMOUNT\n")
                .contains("  w_help_0TOPICS -->|done| w_shop_0PICK\n")
                .doesNotContain("-.->");

        String coverage = declared.withObserved(List.of(
                        new Step(null, new Step.At("shop", "PICK")),
                        new Step(new Step.At("shop", "PICK"), new Step.At("shop", "AMOUNT"))))
                .mermaid(PICK);
        assertThat(coverage)
                .contains("%% declared edges 7, taken 1, untaken 6, undeclared steps 1")
                .contains("  w_shop_0PICK -->|next| w_shop_0AMOUNT\n")
                .contains("  w_shop_0AMOUNT -.->|back| w_shop_0PICK\n")
                .contains("  t_START ==> w_shop_0PICK\n")
                .contains("  style w_shop_0PICK fill:#ffd54f");
    }

    @Test
    void mermaidIds_stayDistinct_forIdsThatDifferOnlyInPunctuation() {
        assertThat(Mermaid.id(new Node.Window("a_b", "c")))
                .isNotEqualTo(Mermaid.id(new Node.Window("a", "b_c")))
                .isNotEqualTo(Mermaid.id(new Node.Window("a.b", "c")));
    }

    @Test
    void svg_isLaidOutByElk_withADashedPathForEachUntakenEdge_andTheSameBytesEachTime() {
        TransitionMap coverage =
                declared.withObserved(List.of(new Step(new Step.At("shop", "PICK"), new Step.At("shop", "AMOUNT"))));
        String svg = coverage.svg(PICK);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(count(svg, "<path class=\"edge")).isEqualTo(7);
        assertThat(count(svg, "stroke-dasharray")).isEqualTo(6);
        assertThat(count(svg, "<g class=\"node\"")).isEqualTo(5);
        assertThat(svg).contains("data-node=\"shop/PICK\">\n    <rect").contains("fill=\"#ffd54f\"");
        // ELK placed the windows apart: no two node boxes share their top-left corner.
        List<String> corners = svg.lines()
                .filter(l -> l.startsWith("    <rect x="))
                .map(l -> l.substring(0, l.indexOf(" width")))
                .toList();
        assertThat(corners).doesNotHaveDuplicates();
        assertThat(svg).contains("7 declared moves: 1 taken (solid), 6 untaken (dashed); 0 steps taken");
        assertThat(declared.svg()).doesNotContain("stroke-dasharray").doesNotContain("class=\"legend\"");
        assertThat(coverage.svg(PICK)).isEqualTo(svg);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
