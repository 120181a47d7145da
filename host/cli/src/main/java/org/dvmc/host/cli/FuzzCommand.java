package org.dvmc.host.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
 * [--threads T]}: a fuzz campaign ({@link FuzzCampaign}) that stops at the first disagreement, shrinks it and
 * prints it as a ready {@code dvmc … diff} line. Progress goes to stderr when stderr is a terminal.
 */
@Command(name = "fuzz", sortOptions = false,
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

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

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
                FuzzCampaign.Builder campaign = FuzzCampaign.builder(vms).seed(campaignSeed).generator(caseGenerator)
                        .revision(rev).maxGas(gasLimit);
                if (threads != null) {
                    campaign.threads(threads);
                }
                if (duration != null) {
                    campaign.count(Long.MAX_VALUE).duration(duration(duration));
                } else {
                    campaign.count(count != null ? count : DEFAULT_COUNT);
                }
                out.print("Fuzzing " + String.join(" against ", configs) + ": generator " + caseGenerator.name()
                        + ", " + rev.displayName() + ", gas " + gasLimit + ", seed " + campaignSeed + ", "
                        + (duration != null ? "for " + duration : (count != null ? count : DEFAULT_COUNT) + " cases") + "\n");
                out.flush();
                boolean terminal = System.console() != null;
                FuzzReport report = campaign.build().run(listener(context, terminal));
                if (terminal) {
                    // Ends the progress line.
                    context.err().print("\n");
                    context.err().flush();
                }
                if (report.firstDisagreement().isEmpty()) {
                    out.print("No disagreement in " + report.casesRun() + " cases (" + rate(report) + ")\n");
                    return ExitCodes.OK;
                }
                report(out, report, vms, configs);
                return ExitCodes.DISAGREE;
            } finally {
                VmConfigs.close(loaded);
            }
        }
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

    /** Stops at the first disagreement; shows progress on stderr only when it is a terminal. */
    private static FuzzListener listener(Invocation context, boolean terminal) {
        return new FuzzListener() {
            @Override
            public boolean onDisagreement(FuzzReport.Finding finding) {
                return false;
            }

            @Override
            public void onProgress(long casesRun, long elapsedNanos) {
                if (terminal) {
                    context.err().print(String.format(Locale.ROOT, "\r%d cases, %.0f cases/s, %.1f s elapsed ",
                            casesRun, casesRun * 1e9 / Math.max(1, elapsedNanos), elapsedNanos / 1e9));
                    context.err().flush();
                }
            }
        };
    }

    private static void report(PrintWriter out, FuzzReport report, List<DiffVm> vms, List<String> configs) {
        FuzzReport.Finding finding = report.firstDisagreement().orElseThrow();
        DiffCase found = finding.comparison().diffCase();
        out.print("Disagreement at case " + finding.index() + " of seed " + report.seed() + " after "
                + report.casesRun() + " cases (" + rate(report) + "):\n");
        out.print(diffLine(configs, found) + "\n");
        DiffEngine engine = new DiffEngine();
        Shrinker.Shrunk shrunk = new Shrinker(candidate -> engine.disagree(candidate, vms), Shrinker.DEFAULT_MAX_ATTEMPTS)
                .shrink(found);
        Comparison comparison = engine.compare(shrunk.shrunk(), vms);
        out.print("\nShrunk (" + shrunk.attempts() + " attempts) from " + found.code().size() + " to "
                + shrunk.shrunk().code().size() + " bytes of code:\n\n");
        out.print(DiffReport.text(comparison));
        out.print("\nReproduce with:\n" + diffLine(configs, shrunk.shrunk()) + "\n");
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
