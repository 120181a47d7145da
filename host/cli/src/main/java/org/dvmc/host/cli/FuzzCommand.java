package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dvmc.host.difftest.CaseGenerator;
import org.dvmc.host.difftest.Comparison;
import org.dvmc.host.difftest.DiffCase;
import org.dvmc.host.difftest.DiffEngine;
import org.dvmc.host.difftest.DiffVm;
import org.dvmc.host.difftest.FuzzCampaign;
import org.dvmc.host.difftest.FuzzListener;
import org.dvmc.host.difftest.FuzzReport;
import org.dvmc.host.difftest.Shrinker;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.spi.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dvmc --vm A --vm B … fuzz [--seed S] [--count N | --duration D] [--rev R] [--gas N] [--generator G]
 * [--threads T] [--json]}: a fuzz campaign ({@link FuzzCampaign}) that stops at the first disagreement, shrinks it
 * (keeping its first kind of difference) and prints it as a ready {@code dvmc … diff} line. Progress goes to
 * stderr when stderr is a terminal. The command's deadline ({@code --timeout}) is renewed whenever cases complete
 * and after each shrinking step, so it bounds a stretch without progress (a VM that hangs), not the campaign.
 */
@Command(name = "fuzz", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = {"Runs generated programs on every VM given with --vm (two or more; one VM twice for a sanity "
                + "run) as diff does, stops at the first disagreement, shrinks it, and prints it as a ready "
                + "'dvmc diff' line.",
            "Exit status: 0 when no case disagreed, " + ExitCodes.DISAGREE + " when one did."})
final class FuzzCommand implements Callable<Integer> {

    /** Cases run when neither {@code --count} nor {@code --duration} is given. */
    static final long DEFAULT_COUNT = 10_000;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @ParentCommand
    private DvmcCommand dvmc;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S",
            description = "The seed (a 64-bit integer); the same seed, count and options give the same campaign "
                    + "(default: taken from the clock and printed).")
    private Long seed;

    @Option(names = "--count", paramLabel = "N", description = "How many cases to run (default: " + DEFAULT_COUNT + ").")
    private Long count;

    @Option(names = "--duration", paramLabel = "D",
            description = "Run for this long instead: 500ms, 30s, 5m, 1h (a bare number is seconds).")
    private String duration;

    @Option(names = "--rev", paramLabel = "REV",
            description = "The revision: a name or number 0..15 (default: latest stable, Cancun).")
    private String revision;

    @Option(names = "--gas", paramLabel = "N",
            description = "The gas limit of cases, 0.." + RunArguments.MAX_GAS + "; one case in four gets a smaller one "
                    + "(default: " + RunArguments.DEFAULT_GAS + ").")
    private String gas;

    @Option(names = "--generator", paramLabel = "G",
            description = "trans_log (trans_log's instruction set) or dvm (valid-looking code of the full "
                    + "instruction set) (default: trans_log).")
    private String generator;

    @Option(names = "--threads", paramLabel = "T", description = "Cases run at once (default: the number of processors).")
    private Integer threads;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        Invocation context = dvmc.invocation();
        List<String> configs = VmConfigs.atLeastTwo(spec);
        long gasLimit = gas == null ? RunArguments.DEFAULT_GAS : RunArguments.gas(gas);
        Revision rev = revision == null ? Revision.LATEST_STABLE : RunArguments.revision(revision);
        CaseGenerator caseGenerator = generator();
        if (count != null && duration != null) {
            throw CliFailure.usage("--count and --duration exclude each other; give one");
        }
        if (count != null && count < 1) {
            throw CliFailure.usage("--count: " + count + " is out of range; valid: 1 or more");
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw CliFailure.usage("--threads: " + threads + " is out of range; valid: 1..1024");
        }
        long campaignSeed = seed != null ? seed : System.nanoTime() ^ System.currentTimeMillis();

        PrintWriter out = context.out();
        try (VmLoader loader = dvmc.openLoader()) {
            List<LoadedVm> loaded = VmConfigs.load(loader, configs);
            try {
                List<DiffVm> vms = VmConfigs.forEngine(loaded, configs);
                Deadline deadline = context.deadline();
                FuzzCampaign.Builder campaign = FuzzCampaign.builder(vms).seed(campaignSeed).generator(caseGenerator)
                        .revision(rev).maxGas(gasLimit).progressInterval(progressInterval(deadline.timeout()));
                if (threads != null) {
                    campaign.threads(threads);
                }
                if (duration != null) {
                    campaign.count(Long.MAX_VALUE).duration(duration(duration));
                } else {
                    campaign.count(count != null ? count : DEFAULT_COUNT);
                }
                String cases = duration != null ? "for " + duration : (count != null ? count : DEFAULT_COUNT) + " cases";
                if (!json) {
                    out.print("Fuzzing " + String.join(" against ", configs) + ": generator " + caseGenerator.name()
                            + ", " + rev.displayName() + ", gas " + gasLimit + ", seed " + campaignSeed + ", " + cases
                            + "\n");
                    out.flush();
                }
                boolean terminal = System.console() != null;
                FuzzReport report = campaign.build().run(listener(context, terminal));
                if (terminal) {
                    // Ends the progress line.
                    context.err().print("\n");
                    context.err().flush();
                }
                Optional<Shrunk> shrunk = report.firstDisagreement().map(finding -> shrink(finding, vms, deadline));
                if (json) {
                    out.print(json(report, shrunk, configs, caseGenerator, rev, gasLimit));
                } else if (shrunk.isEmpty()) {
                    out.print("No disagreement in " + report.casesRun() + " cases (" + rate(report) + ")\n");
                } else {
                    report(out, report, shrunk.get(), configs);
                }
                return shrunk.isEmpty() ? ExitCodes.OK : ExitCodes.DISAGREE;
            } finally {
                VmConfigs.close(loaded);
            }
        }
    }

    /** A finding, shrunk: the case found, the smallest case that still disagrees the same way, and its comparison. */
    private record Shrunk(FuzzReport.Finding finding, int attempts, Comparison comparison) {
    }

    /**
     * Shrinks the finding while the VMs disagree on its first kind of field; the deadline is renewed after each
     * attempt, so a long shrink of a slow VM is not taken for a hang, but one attempt that hangs is.
     */
    private static Shrunk shrink(FuzzReport.Finding finding, List<DiffVm> vms, Deadline deadline) {
        DiffEngine engine = new DiffEngine();
        Predicate<DiffCase> same = Shrinker.sameDisagreement(engine, vms, finding.comparison());
        Shrinker.Shrunk shrunk = new Shrinker(candidate -> {
            boolean fails = same.test(candidate);
            deadline.renew();
            return fails;
        }, Shrinker.DEFAULT_MAX_ATTEMPTS).shrink(finding.comparison().diffCase());
        return new Shrunk(finding, shrunk.attempts(), engine.compare(shrunk.shrunk(), vms));
    }

    /** Progress (and so the deadline's renewal) at least four times per timeout, and at most once a second. */
    static Duration progressInterval(Optional<Duration> timeout) {
        Duration second = Duration.ofSeconds(1);
        if (timeout.isEmpty() || timeout.get().isZero()) {
            return second;
        }
        Duration quarter = timeout.get().dividedBy(4);
        return quarter.compareTo(second) < 0 ? max(quarter, Duration.ofMillis(10)) : second;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private CaseGenerator generator() {
        if (generator == null) {
            return CaseGenerator.all().get(0);
        }
        try {
            return CaseGenerator.named(generator.strip());
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--generator: " + e.getMessage());
        }
    }

    /**
     * Stops at the first disagreement; renews the deadline while cases complete; shows progress on stderr only
     * when it is a terminal.
     */
    private static FuzzListener listener(Invocation context, boolean terminal) {
        return new FuzzListener() {
            private long casesBefore;

            @Override
            public boolean onDisagreement(FuzzReport.Finding finding) {
                return false;
            }

            @Override
            public void onProgress(long casesRun, long elapsedNanos) {
                if (casesRun > casesBefore) {
                    casesBefore = casesRun;
                    context.deadline().renew();
                }
                if (terminal) {
                    context.err().print(String.format(Locale.ROOT, "\r%d cases, %.0f cases/s, %.1f s elapsed ",
                            casesRun, casesRun * 1e9 / Math.max(1, elapsedNanos), elapsedNanos / 1e9));
                    context.err().flush();
                }
            }
        };
    }

    private static void report(PrintWriter out, FuzzReport report, Shrunk shrunk, List<String> configs) {
        DiffCase found = shrunk.finding().comparison().diffCase();
        DiffCase small = shrunk.comparison().diffCase();
        out.print("Disagreement at case " + shrunk.finding().index() + " of seed " + report.seed() + " after "
                + report.casesRun() + " cases (" + rate(report) + "):\n");
        out.print(diffLine(configs, found) + "\n");
        out.print("\nShrunk (" + shrunk.attempts() + " attempts) from " + found.code().size() + " to "
                + small.code().size() + " bytes of code:\n\n");
        out.print(DiffReport.text(shrunk.comparison()));
        out.print("\nReproduce with:\n" + diffLine(configs, small) + "\n");
    }

    /** The JSON report of {@code --json} (keys always present, in this order; see docs/CLI.md). */
    private static String json(FuzzReport report, Optional<Shrunk> shrunk, List<String> configs,
            CaseGenerator generator, Revision revision, long gas) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"vms\": [").append(String.join(", ", configs.stream().map(Json::string).toList()))
                .append("],\n");
        json.append("  \"generator\": ").append(Json.string(generator.name())).append(",\n");
        json.append("  \"revision\": ").append(Json.string(revision.displayName())).append(",\n");
        json.append("  \"gas\": ").append(gas).append(",\n");
        json.append("  \"seed\": ").append(report.seed()).append(",\n");
        json.append("  \"cases\": ").append(report.casesRun()).append(",\n");
        json.append("  \"seconds\": ").append(String.format(Locale.ROOT, "%.3f", report.elapsedNanos() / 1e9))
                .append(",\n");
        json.append("  \"agree\": ").append(shrunk.isEmpty()).append(",\n");
        if (shrunk.isEmpty()) {
            return json.append("  \"disagreement\": null\n}\n").toString();
        }
        Shrunk found = shrunk.get();
        json.append("  \"disagreement\": {\n");
        json.append("    \"index\": ").append(found.finding().index()).append(",\n");
        json.append("    \"found\": ").append(Json.string(diffLine(configs, found.finding().comparison().diffCase())))
                .append(",\n");
        json.append("    \"shrinkAttempts\": ").append(found.attempts()).append(",\n");
        json.append("    \"reproduce\": ").append(Json.string(diffLine(configs, found.comparison().diffCase())))
                .append(",\n");
        // The shrunk case's comparison, as diff --json prints it, indented one level.
        String comparison = DiffReport.json(found.comparison()).strip().replace("\n", "\n    ");
        json.append("    \"shrunk\": ").append(comparison).append("\n");
        return json.append("  }\n}\n").toString();
    }

    private static String rate(FuzzReport report) {
        return String.format(Locale.ROOT, "%.0f cases/s, %.1f s", report.casesPerSecond(), report.elapsedNanos() / 1e9);
    }

    /** A {@code dvmc … diff …} line that runs {@code diffCase} on the VMs, quoted for a POSIX shell. */
    static String diffLine(List<String> configs, DiffCase diffCase) {
        List<String> words = new ArrayList<>(List.of("dvmc"));
        for (String config : configs) {
            words.add("--vm");
            words.add(config);
        }
        words.add("diff");
        words.add(diffCase.code().isEmpty() ? "" : diffCase.code().toHex());
        words.add("--gas");
        words.add(String.valueOf(diffCase.gas()));
        words.add("--rev");
        words.add(diffCase.revision().displayName());
        if (!diffCase.input().isEmpty()) {
            words.add("--input");
            words.add(diffCase.input().toHex());
        }
        if (diffCase.create()) {
            words.add("--create");
        }
        return String.join(" ", words.stream().map(FuzzCommand::shellQuoted).toList());
    }

    /** {@code word} as a POSIX shell reads it back: bare when safe, else in single quotes. */
    static String shellQuoted(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || "_-.,/=:+@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Reads {@code --duration}: a whole number with {@code ms}, {@code s}, {@code m} or {@code h}, or none (seconds).
     *
     * @throws CliFailure a usage error naming the valid forms
     */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw CliFailure.usage("--duration: '" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h (more than 0)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
