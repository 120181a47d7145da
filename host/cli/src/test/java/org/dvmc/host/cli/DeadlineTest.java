package org.dvmc.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The deadline on plugin code: parsing {@code --timeout}, and waiting for a command on another thread. */
class DeadlineTest {

    @Test
    void durationsTakeAsciiDigitsAndAUnit() {
        assertEquals(Duration.ofSeconds(30), Deadline.parse("30", "--timeout"));
        assertEquals(Duration.ofSeconds(30), Deadline.parse("30s", "--timeout"));
        assertEquals(Duration.ofMillis(500), Deadline.parse("500ms", "--timeout"));
        assertEquals(Duration.ofMinutes(5), Deadline.parse(" 5M ", "--timeout"));
        assertEquals(Duration.ofHours(1), Deadline.parse("1h", "--timeout"));
        assertEquals(Duration.ZERO, Deadline.parse("0", "--timeout"));
        for (String bad : new String[] {"", "soon", "-1s", "1.5s", "\u0665s", "10d"}) {
            CliFailure failure = assertThrows(CliFailure.class, () -> Deadline.parse(bad, "--timeout"));
            assertTrue(failure.getMessage().startsWith("--timeout: '" + bad + "' is not a duration"), failure.getMessage());
            assertEquals(ExitCodes.USAGE, failure.exitCode());
        }
        assertThrows(CliFailure.class, () -> Deadline.parse("25h", "--timeout"));
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> environment = Map.of(Deadline.ENVIRONMENT_VARIABLE, "7s");
        assertEquals(Duration.ofSeconds(3), Deadline.chosen(Optional.of("3"), environment));
        assertEquals(Duration.ofSeconds(7), Deadline.chosen(Optional.empty(), environment));
        assertEquals(Deadline.DEFAULT, Deadline.chosen(Optional.empty(), Map.of(Deadline.ENVIRONMENT_VARIABLE, " ")));
        assertEquals("1m", Deadline.describe(Deadline.DEFAULT));
        assertEquals("500ms", Deadline.describe(Duration.ofMillis(500)));
    }

    @Test
    void aCommandThatFinishesGivesItsStatus() {
        Deadline deadline = new Deadline();
        assertEquals(OptionalInt.of(3), deadline.runCommand(() -> {
            deadline.start(Duration.ofSeconds(30));
            return 3;
        }));
    }

    @Test
    void aCommandThatOverrunsIsLeftBehindAtTheDeadline() {
        Deadline deadline = new Deadline();
        CountDownLatch never = new CountDownLatch(1);
        OptionalInt status = deadline.runCommand(() -> {
            deadline.start(Duration.ofMillis(100));
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        assertTrue(status.isEmpty());
        assertEquals(Optional.of(Duration.ofMillis(100)), deadline.timeout());
        never.countDown();
    }

    @Test
    void aCommandThatRenewsTheClockMayRunPastTheTimeoutButNotStallPastIt() {
        Deadline deadline = new Deadline();
        CountDownLatch never = new CountDownLatch(1);
        long begin = System.nanoTime();
        OptionalInt status = deadline.runCommand(() -> {
            deadline.start(Duration.ofMillis(200));
            // Six steps of 50 ms each (300 ms in all), each renewing the clock: never 200 ms without progress.
            for (int step = 0; step < 6; step++) {
                sleep(50);
                deadline.renew();
            }
            // Then no more progress: the deadline passes 200 ms after the last renewal.
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        long elapsedMillis = (System.nanoTime() - begin) / 1_000_000;
        assertTrue(status.isEmpty());
        assertTrue(elapsedMillis >= 500, () -> "stopped after " + elapsedMillis + " ms, before the renewed deadline");
        never.countDown();
    }

    @Test
    void renewingDoesNotStartAClock() {
        Deadline unstarted = new Deadline();
        unstarted.renew();
        assertEquals(Optional.empty(), unstarted.timeout());
        assertEquals(OptionalInt.of(0), unstarted.runCommand(() -> {
            sleep(100);
            return 0;
        }));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void withoutAStartedClockACommandMayRunAsLongAsItTakes() {
        // The clock starts only when plugin code is about to run; parsing alone never times out.
        Deadline deadline = new Deadline();
        assertEquals(OptionalInt.of(0), deadline.runCommand(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }));
        Deadline.NONE.start(Duration.ofMillis(1));
        assertEquals(Optional.empty(), Deadline.NONE.timeout());
    }
}
