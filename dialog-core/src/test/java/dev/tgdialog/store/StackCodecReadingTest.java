package dev.tgdialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link StackCodec#decode} reads in one streamed pass what {@link StackCodec#encode} writes, and hands anything
 * else to its tree reading: these documents leave the streamed pass and must come out as they always did.
 */
class StackCodecReadingTest {
    private static final String FRAME = "{\"id\":\"0\",\"dialog\":\"menu\",\"window\":\"MAIN\",\"rev\":3,"
            + "\"data\":{\"n\":\"2\"},\"state\":{},\"spill\":{}}";
    private static final Frame DECODED_FRAME =
            new Frame("0", "menu", "MAIN", 3, null, Map.of("n", "2"), Map.of(), Map.of());

    @Test
    void fieldsInAnotherOrder_andUnknownFields_decode() {
        String text = "{\"frames\":[" + FRAME + "],\"extra\":{\"a\":[1,{\"b\":null}]},\"updates\":[5],\"next\":1,"
                + "\"version\":4,\"id\":\"\",\"v\":1}";

        assertThat(StackCodec.decode(text)).isEqualTo(new Stack("", List.of(DECODED_FRAME), 4, null, List.of(5L), 1));
    }

    @Test
    void aRepeatedField_decodesAsTheTreeDoes_theLastOneCounts() {
        String text = "{\"v\":1,\"id\":\"\",\"version\":4,\"version\":6,\"next\":1,\"updates\":[],\"frames\":[]}";

        assertThat(StackCodec.decode(text).version()).isEqualTo(6);
    }

    @Test
    void numbersNotWrittenAsPlainDigits_decodeWhenWhole() {
        String text = "{\"v\":1,\"id\":\"\",\"version\":4e1,\"next\":1.0,\"updates\":[-0],\"frames\":[]}";

        Stack stack = StackCodec.decode(text);

        assertThat(stack.version()).isEqualTo(40);
        assertThat(stack.nextFrameId()).isEqualTo(1);
        assertThat(stack.recentUpdateIds()).containsExactly(0L);
    }

    @Test
    void lenientSyntax_decodesAsTheTreeDoes() {
        String text = "{v:1,'id':'',version:4,next:1,updates:[],frames:[]}";

        assertThat(StackCodec.decode(text)).isEqualTo(new Stack("", List.of(), 4, null, List.of(), 1));
    }

    @Test
    void nullsWhereAbsentIsAllowed_readAsAbsent() {
        String text =
                "{\"v\":1,\"id\":\"\",\"version\":4,\"next\":1,\"last\":null,\"updates\":[],\"frames\":[{\"id\":\"0\","
                        + "\"dialog\":\"menu\",\"window\":\"MAIN\",\"rev\":3,\"input\":null,\"data\":null,\"state\":{}}]}";

        Stack stack = StackCodec.decode(text);

        assertThat(stack.lastMessage()).isNull();
        assertThat(stack.frames())
                .containsExactly(new Frame("0", "menu", "MAIN", 3, null, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void aNumberAsText_isRefused_withTheFieldNamed() {
        String text = "{\"v\":1,\"id\":\"\",\"version\":\"4\",\"next\":1,\"updates\":[],\"frames\":[]}";

        assertThatThrownBy(() -> StackCodec.decode(text))
                .isInstanceOf(StackStoreException.class)
                .hasMessage("not a stack document: the document: \"version\" is not a number");
    }

    @Test
    void aFrameWithoutItsWindow_isRefused_withTheFrameNamed() {
        String text = "{\"v\":1,\"id\":\"\",\"version\":4,\"next\":1,\"updates\":[],\"frames\":[{\"id\":\"0\","
                + "\"dialog\":\"menu\",\"rev\":3}]}";

        assertThatThrownBy(() -> StackCodec.decode(text))
                .isInstanceOf(StackStoreException.class)
                .hasMessage("not a stack document: frames[0] has no \"window\"");
    }

    @Test
    void textAfterTheDocument_isRefused() {
        String text = StackCodec.encode(Stack.empty("")) + " {}";

        assertThatThrownBy(() -> StackCodec.decode(text))
                .isInstanceOf(StackStoreException.class)
                .hasMessageStartingWith("not a stack document: ");
    }

    @Test
    void anotherFormat_isRefused_asBefore() {
        String text = "{\"v\":2,\"id\":\"\",\"version\":4,\"next\":1,\"updates\":[],\"frames\":[]}";

        assertThatThrownBy(() -> StackCodec.decode(text))
                .isInstanceOf(StackStoreException.class)
                .hasMessage("stack document format 2 is not 1; migrate it before decoding");
    }
}
