package org.dvmc.host.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dvmc.host.loader.LoaderException;
import org.dvmc.host.loader.PluginReport;
import org.dvmc.host.loader.VmSource;
import org.dvmc.spi.Capability;

/**
 * What {@code dvmc vms} reports: every VM the loader can select, every plugin jar it rejected, and
 * every codename it refuses as ambiguous. Immutable.
 *
 * @param pluginsDirectory the directory scanned
 * @param vms              the selectable VMs, sorted by codename
 * @param rejected         the rejected jars, in scan order
 * @param conflicts        one failure per codename that two or more factories provide
 * @param classpathProblems the factories on the classpath that could not be loaded
 * @param directoryProblem why the plugins directory gave no jars ("does not exist", "is not a directory", …)
 * @param digests          the SHA-256 (lower-case hex) of every jar read, by the jar's path
 */
record VmListing(Path pluginsDirectory, List<Vm> vms, List<PluginReport> rejected, List<LoaderException> conflicts,
        List<LoaderException> classpathProblems, Optional<String> directoryProblem, Map<Path, String> digests) {

    /** A listing without digests, whose directory problem is only whether the directory exists. */
    VmListing(Path pluginsDirectory, List<Vm> vms, List<PluginReport> rejected, List<LoaderException> conflicts,
            List<LoaderException> classpathProblems) {
        this(pluginsDirectory, vms, rejected, conflicts, classpathProblems,
                java.nio.file.Files.isDirectory(pluginsDirectory) ? Optional.empty() : Optional.of("does not exist"),
                Map.of());
    }

    VmListing {
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory");
        Objects.requireNonNull(directoryProblem, "directoryProblem");
        digests = Map.copyOf(digests);
        vms = List.copyOf(vms);
        rejected = List.copyOf(rejected);
        conflicts = List.copyOf(conflicts);
        classpathProblems = List.copyOf(classpathProblems);
    }

    /**
     * One selectable VM: either {@link Described described} by its instance, or {@link Failed failed} to be
     * created or asked.
     */
    sealed interface Vm permits Described, Failed {
        /** What {@code --vm} selects it by. */
        String codename();

        /** The plugin jar or the classpath. */
        VmSource source();

        /** True for a native (C/C++) VM, run through the bridge (Java 22+). */
        boolean nativeVm();
    }

    /**
     * A VM whose instance was created and described itself.
     *
     * @param codename what {@code --vm} selects it by
     * @param source   the plugin jar or the classpath
     * @param facts    what the instance said about itself
     * @param nativeVm true for a native (C/C++) VM, run through the bridge (Java 22+)
     */
    record Described(String codename, VmSource source, Facts facts, boolean nativeVm) implements Vm {
        Described {
            Objects.requireNonNull(codename, "codename");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * A VM that could not be created, or threw when asked about itself.
     *
     * @param codename what {@code --vm} selects it by
     * @param source   the plugin jar or the classpath
     * @param problem  why
     * @param nativeVm true for a native (C/C++) VM, run through the bridge (Java 22+)
     */
    record Failed(String codename, VmSource source, Problem problem, boolean nativeVm) implements Vm {
        Failed {
            Objects.requireNonNull(codename, "codename");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * What a VM instance reports about itself.
     *
     * @param name         {@code name()}
     * @param version      {@code version()}
     * @param abiVersion   {@code abiVersion()}
     * @param capabilities {@code capabilities()}, in {@link Capability} order
     */
    record Facts(String name, String version, int abiVersion, Set<Capability> capabilities) {
    }

    /**
     * Why a VM could not be listed with its facts.
     *
     * @param errorCode the loader's error code (1..7)
     * @param codeName  the error code's name, e.g. {@code VM_CREATION_FAILURE}
     * @param message   the loader's message
     */
    record Problem(int errorCode, String codeName, String message) {
        static Problem of(LoaderException e) {
            return new Problem(e.errorCode().code(), e.errorCode().name(), e.getMessage());
        }
    }
}
