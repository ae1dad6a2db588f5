package dev.tgdialog.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The example application: a pizza shop whose bot is two dialog beans and a command bean ({@link PizzaDialogs}). */
@SpringBootApplication
public class PizzaApplication {

    public static void main(String[] args) {
        SpringApplication.run(PizzaApplication.class, args);
    }
}
