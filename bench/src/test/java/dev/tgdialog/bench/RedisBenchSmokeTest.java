package dev.tgdialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench on store=redis, tiny (it proves the bench works; figures come from running it by hand). */
class RedisBenchSmokeTest {
    @Test
    void twentyUsers_everyMode_onRedis_noFailures_threeCommandsInTwoRoundTripsPerUpdate() throws Exception {
        try (BenchRedis redis = BenchRedis.start()) {
            WizardBench.run("seq", 5, 5, "redis", redis); // loads the scripts into the server
            for (String mode : new String[] {"seq", "rr", "conc"}) {
                WizardBench.Result r = WizardBench.run(mode, 20, 10, "redis", redis);

                assertThat(r.failures()).as(mode + ": " + r.firstFailures()).isZero();
                assertThat(r.errors()).isZero();
                assertThat(r.updates()).isEqualTo(100);
                // The lock's SET NX and the stack's GETEX share a write, then the save script: two round trips.
                assertThat(r.storeCommands()).as(mode).isEqualTo(300);
                assertThat(r.storeRoundTrips()).as(mode).isEqualTo(200);
                assertThat(r.json())
                        .contains(
                                "\"store\":\"redis\"",
                                "\"store_commands_per_update\":3.0",
                                "\"store_round_trips_per_update\":2.0");
                // The server's CPU over the run: read from INFO cpu before and after, so never negative.
                assertThat(r.json()).containsPattern("\"store_server_cpu_us_per_update\":[0-9]+(\\.[0-9]+)?[,}]");
            }
        }
    }
}
