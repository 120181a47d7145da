package org.dvmc.host.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The deadline on plugin code of one {@code dvmc} invocation. A Java VM that spins cannot be stopped
 * safely from inside the process (a thread cannot be killed; it can only be asked to stop), so the command
 * runs on a worker thread ({@link #runCommand}) and the main thread waits: when the command is not done
 * by the deadline, the main thread reports it and the process exits with {@link #EXIT_STATUS}, whatever the
 * plugin's threads are doing.
 *
 * <p>The clock starts when the command first touches plugin code ({@link #start}, called before the
 * loader is built), so parsing and usage errors never time out. Thread-safe: {@link #start} and the end
 * of the command happen on the worker, {@link #runCommand} waits on the main thread.
 */
final class Deadline {

    /** The exit status of a command that ran out of time: 124, as GNU {@code timeout} has it. */
    static final int EXIT_STATUS = 124;

    /** {@code --timeout}'s default: one minute, far more than any command needs with a well-behaved VM. */
    static final Duration DEFAULT = Duration.ofSeconds(60);

    /** The environment variable giving the timeout when {@code --timeout} does not. */
    static final String ENVIRONMENT_VARIABLE = "DVMC_TIMEOUT";

    /** A deadline nobody waits on: for commands run in-process (tests), where the caller's thread runs them. */
    static final Deadline NONE = new Deadline(false);

    /** False for {@link #NONE}, which must stay unstarted however many in-process commands start it. */
    private final boolean enforced;
    private long deadlineNanos;
    private Duration timeout;
    private boolean started;
    private Integer status;

    /** A deadline to start and wait on; one per process. */
    Deadline() {
        this(true);
    }

    private Deadline(boolean enforced) {
        this.enforced = enforced;
    }

    /**
     * Starts the clock with {@code timeout}; {@link Duration#ZERO} means no deadline. Only the first call counts.
     *
     * @param timeout how long plugin code may run
     */
    synchronized void start(Duration timeout) {
        if (!enforced || started) {
            return;
        }
        started = true;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + (timeout.isZero() ? 0 : timeout.toNanos());
        notifyAll();
    }

    /**
     * Starts the clock again from now, for a command that runs plugin code step after step for as long as the
     * user asked (fuzz): the timeout then limits each stretch without progress, not the whole command. Does
     * nothing before {@link #start}, without a deadline, or once the deadline has passed (the command is being
     * stopped).
     */
    synchronized void renew() {
        if (!started || timeout.isZero() || status != null) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadlineNanos < 0) {
            deadlineNanos = now + timeout.toNanos();
        }
    }

    /** The timeout the clock was started with, if it was. */
    synchronized Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Runs {@code command} on a worker thread and waits for its exit status until the deadline.
     *
     * @param command the whole invocation, e.g. {@code () -> invocation.execute(args)}
     * @return the command's exit status, or empty when the deadline passed first (the command may still run)
     */
    OptionalInt runCommand(java.util.function.IntSupplier command) {
        Thread worker = new Thread(() -> {
            int result;
            try {
                result = command.getAsInt();
            } catch (Throwable t) {
                // Invocation reports every failure itself; this is a last resort so that main never waits forever.
                result = Invocation.UNEXPECTED_FAILURE;
            }
            finish(result);
        }, "dvmc-command");
        // The worker never keeps the JVM alive; main exits explicitly either way.
        worker.setDaemon(true);
        worker.start();
        return await();
    }

    private synchronized void finish(int result) {
        status = result;
        notifyAll();
    }

    private synchronized OptionalInt await() {
        boolean interrupted = false;
        try {
            while (status == null) {
                long remainingNanos = started && !timeout.isZero() ? deadlineNanos - System.nanoTime() : Long.MAX_VALUE;
                if (remainingNanos <= 0) {
                    return OptionalInt.empty();
                }
                try {
                    if (remainingNanos == Long.MAX_VALUE) {
                        wait();
                    } else {
                        wait(Math.max(1, remainingNanos / 1_000_000), 0);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return OptionalInt.of(status);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The timeout a user asked for: {@code --timeout} if given, else {@value #ENVIRONMENT_VARIABLE} if set and not
     * blank, else {@link #DEFAULT}.
     *
     * @throws CliFailure a usage error naming the option or variable when the value is not a duration
     */
    static Duration chosen(Optional<String> option, Map<String, String> environment) {
        if (option.isPresent()) {
            return parse(option.get(), "--timeout");
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return parse(fromEnvironment, ENVIRONMENT_VARIABLE);
        }
        return DEFAULT;
    }

    /**
     * Parses a duration: ASCII digits with an optional unit {@code ms}, {@code s} (the default), {@code m} or
     * {@code h}; {@code 0} disables the deadline. At most 24 hours.
     *
     * @throws CliFailure a usage error, e.g. {@code --timeout: 'soon' is not a duration; write e.g. 30s, 5m or 0 (none)}
     */
    static Duration parse(String text, String name) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < trimmed.length() && trimmed.charAt(digits) >= '0' && trimmed.charAt(digits) <= '9') {
            digits++;
        }
        String unit = trimmed.substring(digits);
        Duration duration = null;
        if (digits > 0 && digits <= 9) {
            long amount = Long.parseLong(trimmed.substring(0, digits));
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "", "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> null;
            };
        }
        if (duration == null) {
            throw CliFailure.usage(name + ": '" + text + "' is not a duration; write e.g. 30s, 5m, 500ms or 0 (none)");
        }
        if (duration.compareTo(Duration.ofHours(24)) > 0) {
            throw CliFailure.usage(name + ": " + text + " is more than 24h; give a shorter timeout, or 0 for none");
        }
        return duration;
    }

    /** {@code 1m}, {@code 30s} or {@code 500ms}: the timeout as a user would write it. */
    static String describe(Duration timeout) {
        if (timeout.toMillis() % 1000 != 0) {
            return timeout.toMillis() + "ms";
        }
        long seconds = timeout.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
