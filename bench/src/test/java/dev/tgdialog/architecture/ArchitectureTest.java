package dev.tgdialog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.tgdialog.DialogBot;
import dev.tgdialog.TimeSource;
import dev.tgdialog.bench.WizardBench;
import dev.tgdialog.demo.DemoBot;
import dev.tgdialog.preview.PreviewPage;
import dev.tgdialog.redis.RedisDialogs;
import dev.tgdialog.widgets.Select;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The package boundaries of DESIGN.md §1, held by a test: what may depend on {@code dev.tgdialog.internal}, and what
 * the public API may name.
 *
 * <p>It lives in the bench because the bench's test class path is the one place that has every module's main
 * classes: widgets and dialog-redis (and through them dialog-core) are the bench's own dependencies, the demo and
 * the preview, the emulator and dialog-micrometer are added in test scope, and the bench is never published, so those test dependencies reach no user's
 * build. It reads exactly the main classes of the eight modules (each found through one class of it), never test
 * classes.
 */
@AnalyzeClasses(
        locations = ArchitectureTest.MainClassesOfEveryModule.class,
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String INTERNAL = "dev.tgdialog.internal..";

    /** One class of each module: its code source (a classes folder or a jar) is that module's main code. */
    private static final Map<String, Class<?>> MODULES = Map.of(
            "dialog-core", DialogBot.class,
            "dialog-widgets", Select.class,
            "dialog-redis", RedisDialogs.class,
            "dialog-demo", DemoBot.class,
            "dialog-preview", PreviewPage.class,
            "dialog-emulator", dev.tgdialog.emulator.Emulator.class,
            "dialog-micrometer", dev.tgdialog.micrometer.TgdialogMetrics.class,
            "dialog-bench", WizardBench.class);

    /** Item 13.1: a module other than dialog-core compiles against the public API only. */
    @ArchTest
    static final ArchRule otherModules_useNoInternalClass = noClasses()
            .that(areOutsideDialogCore())
            .should()
            .dependOnClassesThat()
            .resideInAPackage(INTERNAL)
            .because(
                    "widgets, dialog-redis, dialog-micrometer, the preview, the emulator, the demo and the bench compile against dialog-core's public API only:"
                            + " if they need something from internal, the public SPI is missing a piece (DESIGN.md §1)");

    /** Item 13.1: no public or protected signature of the API names an internal type. */
    @ArchTest
    static final ArchRule apiSignatures_nameNoInternalType = classes()
            .that(areInsideDialogCore())
            .and()
            .resideInAPackage("dev.tgdialog..")
            .and()
            .resideOutsideOfPackage(INTERNAL)
            .and(areVisibleOutsideTheirPackage())
            .should(nameNoInternalTypeInTheirSignatures());

    /** DESIGN.md §1: the client knows no dialogs. */
    @ArchTest
    static final ArchRule telegramClient_knowsNoDialogs = noClasses()
            .that()
            .resideInAPackage("dev.tgdialog.telegram..")
            .should()
            .dependOnClassesThat(areEngineOrAuthorApi())
            .because("the client knows no dialogs: it never imports the engine or the author API (DESIGN.md §1)");

    /** DESIGN.md §1: the stores never import the engine. */
    @ArchTest
    static final ArchRule stores_knowNoEngine = noClasses()
            .that()
            .resideInAPackage("dev.tgdialog.store..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tgdialog.internal.engine..")
            .because("the stores never import the engine (DESIGN.md §1)");

    /** DESIGN.md §1: the widget SPI is built on the public API only. */
    @ArchTest
    static final ArchRule widgetSpi_usesNoInternalClass = noClasses()
            .that()
            .resideInAPackage("dev.tgdialog.spi..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(INTERNAL)
            .because("the widget SPI never imports internal (DESIGN.md §1)");

    /** DESIGN.md §1: the wire code knows no dialogs. */
    @ArchTest
    static final ArchRule wireCode_knowsNoDialogs = noClasses()
            .that()
            .resideInAnyPackage("dev.tgdialog.internal.json..", "dev.tgdialog.internal.http..")
            .should()
            .dependOnClassesThat(areEngineOrAuthorApi())
            .because("the wire code (internal.json, internal.http) knows no dialogs (DESIGN.md §1)");

    /**
     * The dialogs' side: the root package (the author API), the widget SPI and the engine.
     *
     * <p>One named exception, {@code dev.tgdialog.TimeSource}: a clock with no knowledge of dialogs that the client's
     * retries and the pacer wait on, but that sits in the root package. Moving it beneath the client is a public API
     * change left to issue 13's package work; until then this is the one type of the root package they may use.
     */
    private static DescribedPredicate<JavaClass> areEngineOrAuthorApi() {
        return JavaClass.Predicates.resideInAnyPackage(
                        "dev.tgdialog", "dev.tgdialog.spi..", "dev.tgdialog.internal.engine..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(TimeSource.class)))
                .as("are the author API, the widget SPI or the engine (dev.tgdialog except TimeSource,"
                        + " dev.tgdialog.spi.., dev.tgdialog.internal.engine..)");
    }

    /** Without this, a module missing from the import would make every rule above pass on nothing. */
    @ArchTest
    static void everyModule_isRead(JavaClasses imported) {
        for (Map.Entry<String, Class<?>> module : MODULES.entrySet()) {
            JavaClasses ofModule = imported.that(areIn(module.getValue()));
            assertThat(ofModule.contain(module.getValue())).as(module.getKey()).isTrue();
        }
    }

    /** The code sources of {@link #MODULES}: a classes folder, or a jar once the reactor has packaged the module. */
    static final class MainClassesOfEveryModule implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return MODULES.values().stream()
                    .map(c -> {
                        Path source = codeSource(c);
                        // ArchUnit reads a jar's entries only through a jar: URI; a plain file: URI to a jar imports
                        // nothing.
                        return Files.isRegularFile(source)
                                ? Location.of(URI.create("jar:" + source.toUri() + "!/"))
                                : Location.of(source);
                    })
                    .collect(Collectors.toSet());
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder or jar a class file was read from. */
    private static Path origin(URI classFile) {
        if ("jar".equals(classFile.getScheme())) {
            String inJar = classFile.getSchemeSpecificPart();
            return Path.of(URI.create(inJar.substring(0, inJar.indexOf("!/"))));
        }
        return Path.of(classFile);
    }

    /** Classes read from the same code source as {@code marker}: the main classes of marker's module. */
    private static DescribedPredicate<JavaClass> areIn(Class<?> marker) {
        Path root = codeSource(marker);
        return DescribedPredicate.describe(
                "are in the module of " + marker.getSimpleName(),
                c -> c.getSource().map(s -> origin(s.getUri()).startsWith(root)).orElse(false));
    }

    private static DescribedPredicate<JavaClass> areInsideDialogCore() {
        return areIn(DialogBot.class).as("are in dialog-core");
    }

    private static DescribedPredicate<JavaClass> areOutsideDialogCore() {
        return DescribedPredicate.not(areInsideDialogCore()).as("are outside dialog-core");
    }

    /** Public, and (for a nested type) inside public types all the way out: what another package can name. */
    private static DescribedPredicate<JavaClass> areVisibleOutsideTheirPackage() {
        return DescribedPredicate.describe("are public", ArchitectureTest::isVisibleOutsideItsPackage);
    }

    private static boolean isVisibleOutsideItsPackage(JavaClass c) {
        if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        return c.getEnclosingClass()
                .map(ArchitectureTest::isVisibleOutsideItsPackage)
                .orElse(true);
    }

    private static ArchCondition<JavaClass> nameNoInternalTypeInTheirSignatures() {
        PackageMatcher internal = PackageMatcher.of(INTERNAL);
        return new ArchCondition<>("name no type of " + INTERNAL + " in a public or protected signature"
                + " (supertypes, type parameters, fields, parameters, return types, declared exceptions, and their"
                + " type arguments)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> found = new ArrayList<>();
                c.getSuperclass().ifPresent(t -> collect(t, "supertype", internal, found));
                c.getInterfaces().forEach(t -> collect(t, "interface", internal, found));
                c.getTypeParameters().forEach(v -> collect(v, "type parameter " + v.getName(), internal, found));
                for (JavaField f : c.getFields()) {
                    if (isApi(f)) {
                        collect(f.getType(), "field " + f.getName(), internal, found);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!isApi(u)) {
                        continue;
                    }
                    String where = u.getName() + "(...)";
                    u.getTypeParameters()
                            .forEach(v -> collect(v, where + " type parameter " + v.getName(), internal, found));
                    u.getParameterTypes().forEach(t -> collect(t, where + " parameter", internal, found));
                    collect(u.getReturnType(), where + " return type", internal, found);
                    u.getExceptionTypes().forEach(t -> collect(t, where + " throws", internal, found));
                }
                for (String f : found) {
                    events.add(SimpleConditionEvent.violated(c, c.getFullName() + ": " + f));
                }
            }
        };
    }

    /** Public or protected, and written by a person (bridges and other synthetic members follow their source). */
    private static boolean isApi(JavaMember m) {
        Set<JavaModifier> mods = m.getModifiers();
        return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))
                && !mods.contains(JavaModifier.SYNTHETIC)
                && !mods.contains(JavaModifier.BRIDGE);
    }

    private static void collect(JavaType type, String where, PackageMatcher internal, List<String> found) {
        List<JavaType> bounds = type instanceof JavaTypeVariable<?> v ? List.copyOf(v.getUpperBounds()) : List.of(type);
        for (JavaType t : bounds) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                JavaClass base = raw.getBaseComponentType();
                if (internal.matches(base.getPackageName())) {
                    found.add(where + " names " + base.getName() + " (in " + type.getName() + ")");
                }
            }
        }
    }
}
