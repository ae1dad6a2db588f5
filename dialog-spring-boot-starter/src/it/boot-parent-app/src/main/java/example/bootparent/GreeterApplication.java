package example.bootparent;

import static dev.tgdialog.Transition.start;
import static dev.tgdialog.Transition.switchTo;

import dev.tgdialog.Dialog;
import dev.tgdialog.StartMode;
import dev.tgdialog.WindowId;
import dev.tgdialog.spring.CommandRoute;
import dev.tgdialog.widgets.Button;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A bot of one dialog and one command, on Spring Boot's parent POM. */
@SpringBootApplication
public class GreeterApplication {
    enum Greeting implements WindowId {
        HELLO,
        BYE
    }

    public static void main(String[] args) {
        SpringApplication.run(GreeterApplication.class, args);
    }

    @Bean
    Dialog greeting() {
        return Dialog.builder("greeting")
                .window(Greeting.HELLO, w -> w.text("Hello!").add(Button.of("bye", "Wave", ctx -> switchTo(Greeting.BYE))))
                .window(Greeting.BYE, w -> w.text("Bye!"))
                .build();
    }

    @Bean
    CommandRoute startCommand(Dialog greeting) {
        return CommandRoute.of("start", "Say hello", (ctx, args) -> start(greeting, StartMode.RESET_STACK));
    }
}
