package dev.tgdialog.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @SpringBootTest} of the whole application whose bot runs on the fake-update harness
 * ({@link AutoConfigureBotHarness}): inject the {@link dev.tgdialog.testing.BotHarness} and talk to the bot as a
 * user.
 *
 * <pre>{@code
 * @TgdialogTest
 * class MenuTest {
 *     @Autowired BotHarness harness;
 *
 *     @Test
 *     void start_showsTheMenu() {
 *         FakeUser ann = harness.user(1001, "Ann");
 *         ann.send("/start");
 *         assertThat(ann.buttons()).containsExactly("Order a pizza", "Opening hours");
 *     }
 * }
 * }</pre>
 *
 * Spring caches the context, and with it the harness and its fake chats, for every test class of the same
 * configuration: give each test users of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureBotHarness
public @interface TgdialogTest {

    /**
     * Properties in {@code key=value} form for the test's context, as {@link SpringBootTest#properties()}.
     *
     * @return the properties
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /**
     * The classes the context is made of, as {@link SpringBootTest#classes()}; found from the test by default.
     *
     * @return the component classes
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};
}
