package org.dvmc.host.difftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.dvmc.spi.Revision;

/**
 * A fuzz campaign: generates cases, runs each on every VM through a {@link DiffEngine}, and reports
 * disagreements to a {@link FuzzListener}.
 *
 * <pre>{@code
 * FuzzReport report = FuzzCampaign.builder(List.of(DiffVm.of(reference), DiffVm.of(candidate)))
 *         .seed(42).count(100_000).generator(new DvmGenerator()).build().run();
 * report.firstDisagreement().ifPresent(finding -> ...);
 * }</pre>
 *
 * <p><b>Reproducible.</b> Case {@code i} is made by the generator from a random source seeded with a mix of the
 * campaign's seed and {@code i} alone ({@link #caseAt}), so a seed always gives the same cases, whatever the
 * number of threads. Cases are claimed in index order in small batches; once a disagreement is found (and the
 * listener says stop) no further batches are claimed, but every case with a lower index is still run, so the
 * report's {@link FuzzReport#firstDisagreement()} is the lowest-index disagreement — the same one on every run
 * with that seed and count.
 *
 * <p><b>Parallel.</b> Cases run on {@link Builder#threads} threads at once (by default one per processor), each
 * against fresh hosts; the VMs must allow concurrent executions, as the contract requires. A campaign object runs
 * once at a time; {@link #run()} blocks until it ends.
 */
public final class FuzzCampaign {

    /** How many consecutive cases a thread claims at once. */
    static final int BATCH = 64;

    private final DiffEngine engine;
    private final List<DiffVm> vms;
    private final long seed;
    private final long count;
    private final Duration duration;
    private final CaseGenerator generator;
    private final Revision revision;
    private final long maxGas;
    private final int threads;
    private final Duration progressInterval;

    private FuzzCampaign(Builder builder) {
        this.engine = builder.engine;
        this.vms = List.copyOf(builder.vms);
        this.seed = builder.seed;
        this.count = builder.count;
        this.duration = builder.duration;
        this.generator = builder.generator;
        this.revision = builder.revision;
        this.maxGas = builder.maxGas;
        this.threads = builder.threads;
        this.progressInterval = builder.progressInterval;
    }

    /**
     * A campaign over {@code vms} (the first is the reference).
     *
     * @param vms two or more VMs (one VM twice is a sanity run), non-null, without nulls; copied. They must
     *            allow concurrent executions when the campaign runs on more than one thread
     * @return a builder with every other setting at its default
     * @throws IllegalArgumentException if there are fewer than two VMs
     */
    public static Builder builder(List<DiffVm> vms) {
        return new Builder(vms);
    }

    /**
     * Case {@code index} of a campaign with {@code seed}: exactly the case such a campaign runs at that index.
     * Deterministic, whatever the thread count of the campaign; thread-safe.
     *
     * @param seed      the campaign's seed
     * @param index     the case's index in the campaign, 0 or more (a {@link FuzzReport.Finding#index()})
     * @param generator the campaign's generator
     * @param maxGas    the campaign's gas limit
     * @param revision  the campaign's revision
     * @return the case, made again from scratch; equal to the one the campaign ran
     */
    public static DiffCase caseAt(long seed, long index, CaseGenerator generator, long maxGas, Revision revision) {
        // Two rounds of SplittableRandom's own mixing keep neighbouring seeds and indices apart.
        long mixed = new SplittableRandom(seed).split().nextLong() ^ (index * 0x9E3779B97F4A7C15L);
        return generator.generate(new SplittableRandom(new SplittableRandom(mixed).nextLong()), maxGas, revision);
    }

    /**
     * The case this campaign runs at {@code index}; thread-safe.
     *
     * @param index the case's index, 0 or more (e.g. a {@link FuzzReport.Finding#index()})
     * @return the case, made again from this campaign's seed, generator, gas limit and revision
     */
    public DiffCase caseAt(long index) {
        return caseAt(seed, index, generator, maxGas, revision);
    }

    /**
     * Runs the campaign: until {@code count} cases have run, the duration is over, or the listener says stop.
     *
     * @param listener hears every disagreement found and the progress
     * @return how many cases ran, how long it took, and the lowest-index disagreement
     * @throws IllegalStateException wrapping what a generator or listener threw (VM failures never throw: they
     *                               are results)
     */
    public FuzzReport run(FuzzListener listener) {
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        AtomicLong nextIndex = new AtomicLong();
        AtomicLong lowestDisagreement = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder casesRun = new LongAdder();
        FuzzReport.Finding[] lowest = new FuzzReport.Finding[1];
        Object findings = new Object();

        Runnable worker = () -> {
            while (!stop.get() && System.nanoTime() < deadline) {
                long first = nextIndex.getAndAdd(BATCH);
                if (first >= count) {
                    return;
                }
                long end = Math.min(count, first + BATCH);
                for (long index = first; index < end; index++) {
                    // Once stopping, only cases below the lowest disagreement still matter: one of them may be lower.
                    if (stop.get() && index > lowestDisagreement.get()) {
                        break;
                    }
                    DiffCase diffCase = caseAt(index);
                    if (engine.disagree(diffCase, vms)) {
                        FuzzReport.Finding finding = new FuzzReport.Finding(index, engine.compare(diffCase, vms));
                        synchronized (findings) {
                            if (index < lowestDisagreement.get()) {
                                lowestDisagreement.set(index);
                                lowest[0] = finding;
                            }
                            if (!listener.onDisagreement(finding)) {
                                stop.set(true);
                            }
                        }
                    }
                    casesRun.increment();
                }
            }
        };

        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "dvmc-fuzz");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(progressInterval.toNanos(), TimeUnit.NANOSECONDS);
                        break;
                    } catch (TimeoutException e) {
                        try {
                            listener.onProgress(casesRun.sum(), System.nanoTime() - start);
                        } catch (RuntimeException | Error listenerFailed) {
                            throw new IllegalStateException("fuzz campaign stopped: the listener's onProgress threw "
                                    + listenerFailed, listenerFailed);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fuzz campaign failed: " + e.getCause(), e.getCause());
        } finally {
            // However the campaign ends, no case runs after run returns: the caller may close the VMs next (a
            // native VM destroyed under a running execution would crash the process). Each worker ends after the
            // case it is running.
            stop.set(true);
            pool.shutdown();
            awaitWorkers(pool);
        }
        synchronized (findings) {
            return new FuzzReport(seed, casesRun.sum(), System.nanoTime() - start, Optional.ofNullable(lowest[0]));
        }
    }

    /** Waits until every worker has ended, even if this thread is interrupted meanwhile (it stays interrupted). */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the campaign, stopping at the first disagreement (see {@link #run(FuzzListener)}).
     *
     * @return how many cases ran, how long it took, and the lowest-index disagreement, if any
     * @throws IllegalStateException wrapping what the generator or the engine's host set-up threw (VM failures
     *                               never throw: they are results)
     */
    public FuzzReport run() {
        return run(FuzzListener.stopAtFirst());
    }

    /** Sets a campaign up; every setting has a default but the VMs. Not thread-safe. */
    public static final class Builder {
        private final List<DiffVm> vms;
        private DiffEngine engine = new DiffEngine();
        private long seed;
        private long count = 10_000;
        private Duration duration;
        private CaseGenerator generator = new TransLogGenerator();
        private Revision revision = Revision.LATEST_STABLE;
        private long maxGas = 1_000_000;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Duration progressInterval = Duration.ofSeconds(1);

        private Builder(List<DiffVm> vms) {
            if (vms.size() < 2) {
                throw new IllegalArgumentException("a fuzz campaign compares two or more VMs (one VM twice for a "
                        + "sanity run) but got " + vms.size());
            }
            this.vms = List.copyOf(vms);
        }

        /**
         * The engine (and so the host set-up); default: a plain {@link DiffEngine}.
         *
         * @param engine the engine; non-null, and thread-safe when the campaign runs on several threads
         * @return this builder
         */
        public Builder engine(DiffEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * The seed: the same seed gives the same cases (default 0).
         *
         * @param seed any value; it and the case index alone determine each case
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The most cases to run (default 10,000).
         *
         * @param count 1 or more; {@code Long.MAX_VALUE} with a {@link #duration} for no limit on the count
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is less than 1
         */
        public Builder count(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be 1 or more but was " + count);
            }
            this.count = count;
            return this;
        }

        /**
         * The longest the campaign may run; no new batch of cases is started after it (default: no limit).
         *
         * @param duration positive; cases already started are finished, so the campaign may run a little longer
         * @return this builder
         * @throws IllegalArgumentException if {@code duration} is zero or negative
         */
        public Builder duration(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive but was " + duration);
            }
            this.duration = duration;
            return this;
        }

        /**
         * The case generator (default {@link TransLogGenerator}).
         *
         * @param generator the generator; non-null, deterministic and thread-safe (see {@link CaseGenerator})
         * @return this builder
         */
        public Builder generator(CaseGenerator generator) {
            this.generator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * The revision of every case (default {@link Revision#LATEST_STABLE}).
         *
         * @param revision the revision; non-null
         * @return this builder
         */
        public Builder revision(Revision revision) {
            this.revision = Objects.requireNonNull(revision, "revision");
            return this;
        }

        /**
         * The gas limit of cases; one case in four gets a smaller one, up to 256 (default 1,000,000).
         *
         * @param maxGas the gas limit, in gas units, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code maxGas} is negative
         */
        public Builder maxGas(long maxGas) {
            if (maxGas < 0) {
                throw new IllegalArgumentException("maxGas must be 0 or more but was " + maxGas);
            }
            this.maxGas = maxGas;
            return this;
        }

        /**
         * How many cases run at once (default: the number of processors). The cases, and so the report's
         * first disagreement, do not depend on it.
         *
         * @param threads 1 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * How often {@link FuzzListener#onProgress} is called (default 1 s).
         *
         * @param interval positive
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is zero or negative
         */
        public Builder progressInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("progress interval must be positive but was " + interval);
            }
            this.progressInterval = interval;
            return this;
        }

        /**
         * The campaign, with this builder's settings; later changes to the builder do not affect it.
         *
         * @return the campaign, ready to {@link FuzzCampaign#run() run}
         */
        public FuzzCampaign build() {
            return new FuzzCampaign(this);
        }
    }
}
