package dev.tgdialog.engine;

import static dev.tgdialog.Transition.stay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tgdialog.Dialog;
import dev.tgdialog.Key;
import dev.tgdialog.ShowMode;
import dev.tgdialog.StartMode;
import dev.tgdialog.Transition;
import dev.tgdialog.WindowId;
import dev.tgdialog.kit.Text;
import dev.tgdialog.spi.KeyboardWidget;
import dev.tgdialog.spi.RenderContext;
import dev.tgdialog.spi.WidgetContext;
import dev.tgdialog.store.Stack;
import dev.tgdialog.store.StackKey;
import dev.tgdialog.store.StackStore;
import dev.tgdialog.telegram.types.InlineKeyboardButton;
import dev.tgdialog.testing.ApiCall;
import dev.tgdialog.testing.BotHarness;
import dev.tgdialog.testing.FakeUser;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal ({@link Transition.Reject}) carries no data and no show mode, and the types say so: {@code with} and
 * {@code show} exist only on the transitions that are carried out ({@link Transition.Move}).
 */
class TransitionTypesTest {
    enum Only implements WindowId {
        ONLY
    }

    static final Key<Integer> TAPS = Key.of("taps", Integer.class);
    private static final Key<Integer> OWN = Key.of("own", Integer.class);

    /** Counts taps until three, then refuses; it writes its own state before it decides, as a widget may. */
    record Limited(String id) implements KeyboardWidget {
        @Override
        public List<List<InlineKeyboardButton>> render(RenderContext ctx) {
            return List.of(List.of(ctx.button("Tap", "t")));
        }

        @Override
        public Transition onClick(WidgetContext ctx, String payload) {
            int taps = ctx.get(TAPS, 0);
            ctx.setState(OWN, taps + 1);
            return taps >= 3 ? Transition.reject("Three is enough") : stay().with(TAPS, taps + 1);
        }
    }

    static final Dialog TAPPER = Dialog.builder("tapper")
            .window(Only.ONLY, w -> w.text(Text.format("Taps: {taps}")).add(new Limited("lim")))
            .build();

    private final StackStore store = StackStore.inMemory(Duration.ofHours(1));

    private BotHarness harness() {
        return harness(store);
    }

    private static BotHarness harness(StackStore store) {
        return BotHarness.builder(bot -> bot.dialogs(TAPPER)
                        .command("tap", (ctx, args) -> Transition.start(TAPPER, StartMode.RESET_STACK))
                        .command("nope", (ctx, args) -> Transition.reject("Not a click"))
                        .command("same", (ctx, args) -> stay()))
                .store(store)
                .build();
    }

    @Test
    void aRefusedClick_isAnsweredWithItsToast_andChangesNothing() {
        BotHarness h = harness();
        FakeUser ann = h.user(1001, "Ann");
        ann.send("/tap");
        ann.click("Tap");
        ann.click("Tap");
        ann.click("Tap");
        assertThat(ann.lastMessage().text()).isEqualTo("Taps: 3");
        Stack before = store.load(StackKey.of(EngineTest.BOT, 1001, 1001)).orElseThrow();
        int calls = h.telegram().calls().size();

        ann.click("Tap");

        List<ApiCall> after =
                h.telegram().calls().subList(calls, h.telegram().calls().size());
        assertThat(after).extracting(ApiCall::method).containsExactly("answerCallbackQuery");
        assertThat(ann.lastAnswer().text()).isEqualTo("Three is enough");
        assertThat(ann.lastMessage().text()).isEqualTo("Taps: 3");
        // The widget's own state, written before it refused, is not kept either.
        assertThat(store.load(StackKey.of(EngineTest.BOT, 1001, 1001)).orElseThrow())
                .isEqualTo(before);
    }

    @Test
    void aRefusalOutsideAClick_actsAsStay() {
        BotHarness stayed = harness(StackStore.inMemory(Duration.ofHours(1)));
        FakeUser bob = stayed.user(1002, "Bob");
        bob.send("/tap");
        bob.send("/same");
        BotHarness refused = harness(StackStore.inMemory(Duration.ofHours(1)));
        FakeUser bobToo = refused.user(1002, "Bob");
        bobToo.send("/tap");

        bobToo.send("/nope");

        assertThat(bobToo.history()).hasSize(2).isEqualTo(bob.history());
        assertThat(refused.telegram().calls())
                .extracting(ApiCall::method)
                .isEqualTo(
                        stayed.telegram().calls().stream().map(ApiCall::method).toList());
    }

    /** Every transition that offers {@code with} and {@code show} carries them out; none of them throws. */
    @Test
    void everyMove_carriesDataAndShowMode() {
        List<Transition.Move> moves = List.of(
                Transition.stay(),
                Transition.next(),
                Transition.back(),
                Transition.switchTo(Only.ONLY),
                Transition.start(TAPPER),
                Transition.done("result"));
        assertThat(moves)
                .extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(List.of(Transition.Move.class.getPermittedSubclasses()));
        for (Transition.Move move : moves) {
            Transition.Move changed = move.with(TAPS, 7).show(ShowMode.SEND);
            assertThat(changed).as(move.toString()).isInstanceOf(move.getClass());
            assertThat(changed.changes().data()).containsExactly(new Transition.Change<>(TAPS, 7));
            assertThat(changed.changes().show()).isEqualTo(ShowMode.SEND);
        }
        assertThat(Transition.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Transition.Move.class, Transition.Reject.class);
    }

    /**
     * The guarantee is the compiler's: {@code with} and {@code show} are declared on {@link Transition.Move} only,
     * so code that would set data on a refusal, or on a transition that may be one, does not compile. This test
     * runs javac on such code against the built classes.
     */
    @Test
    void aRefusal_offersNoWithOrShow_soCodeThatCallsThemDoesNotCompile(@TempDir Path dir) throws Exception {
        String header = "import dev.tgdialog.*;\nclass Author {\n"
                + "  static final Key<Integer> K = Key.of(\"k\", Integer.class);\n";
        assertThat(compile(
                        dir,
                        header + "  Object a = Transition.next().with(K, 1).show(ShowMode.SEND);\n"
                                + "  Transition b = Transition.done().saying(\"Bye\").with(K, 2);\n}\n"))
                .as("the transitions that are carried out take data and a show mode")
                .isEmpty();

        assertThat(compile(dir, header + "  Object a = Transition.reject(\"No\").with(K, 1);\n}\n"))
                .singleElement()
                .asString()
                .contains("cannot find symbol")
                .contains("with(");
        assertThat(compile(dir, header + "  Object a = Transition.reject(\"No\").show(ShowMode.SEND);\n}\n"))
                .singleElement()
                .asString()
                .contains("cannot find symbol")
                .contains("show(");
        assertThat(compile(dir, header + "  Object a(Transition t) { return t.with(K, 1); }\n}\n"))
                .singleElement()
                .asString()
                .contains("cannot find symbol")
                .contains("with(");
    }

    /** The errors javac reports for {@code source} (a class {@code Author}), compiled against dialog-core. */
    private static List<String> compile(Path dir, String source) throws IOException, URISyntaxException {
        Path file = dir.resolve("Author.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = String.join(File.pathSeparator, location(Transition.class), location(Nullable.class));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>(List.of(
                    "-proc:none",
                    "-classpath",
                    classpath,
                    "-d",
                    dir.resolve("out").toString()));
            javac.getTask(new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjects(file))
                    .call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT) + " at: "
                        + source.lines()
                                .skip(d.getLineNumber() - 1)
                                .findFirst()
                                .orElse("")
                                .strip())
                .collect(Collectors.toList());
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
