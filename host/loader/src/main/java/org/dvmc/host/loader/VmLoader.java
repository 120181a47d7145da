package org.dvmc.host.loader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dvmc.spi.Vm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a directory of plugin jars (and, optionally, the host's classpath) into VMs a client can use.
 *
 * <p>{@link Builder#build()} scans at once: for every {@code *.jar} in the plugins directory that is a
 * regular file it takes a private copy (which is what is checked and loaded; optionally hashed and checked
 * against {@link Builder#trustedDigests trusted digests}), reads a bounded amount of its
 * manifest and {@code META-INF/services/org.dvmc.spi.VmFactory} without loading any class, rejects
 * the jar unless it declares this host's {@code Dvmc-Abi-Version}, then loads and starts the accepted
 * ones with PF4J and creates the factories their services files name, each in its plugin's own class
 * loader. Factories on the classpath are found with {@link java.util.ServiceLoader}. A bad jar is
 * reported in {@link #pluginReports()} and never stops the scan; the {@code org.dvmc.spi} package always
 * comes from the host, even for a plugin that bundles a copy.
 *
 * <p>{@link #load(String)} selects a VM by codename or by jar path, creates it, checks its ABI version,
 * and applies the options; every failure is a {@link LoaderException} with a {@link LoaderErrorCode}.
 *
 * <p><b>Threading.</b> After {@code build()} the loader is immutable apart from the VMs it hands out:
 * every method may be called from any thread, {@code load} concurrently. {@link #close()} closes every
 * VM the loader handed out that is still open, then stops and unloads the plugins and closes their
 * class loaders, releasing the jar files; loading after that throws {@link IllegalStateException}.
 *
 * <p><b>Logging.</b> Through SLF4J only, at debug level: the scan's decisions per jar are returned,
 * not logged. PF4J itself logs plugin starts and stops at info level; a host that wants a quiet
 * console sets the {@code org.pf4j} logger to warn.
 */
public final class VmLoader implements AutoCloseable {

    /** The environment variable naming the plugins directory when none is given. */
    public static final String PLUGINS_DIR_ENV = "DVMC_PLUGINS_DIR";

    /** The plugins directory when neither the builder nor {@value #PLUGINS_DIR_ENV} names one. */
    public static final Path DEFAULT_PLUGINS_DIR = Path.of("plugins");

    private static final Logger log = LoggerFactory.getLogger(VmLoader.class);

    /** How many rejected jars the message of an unknown codename names, each with its reason. */
    private static final int MAX_REJECTIONS_NAMED = 5;

    private final Path pluginsDirectory;
    private final Optional<TrustedDigests> trusted;
    private final Optional<String> directoryProblem;
    private final PluginScan scan;
    private final Registry registry;
    private final List<LoaderException> classpathProblems;
    private final Set<LoadedVm> openVms = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private VmLoader(Path pluginsDirectory, Optional<TrustedDigests> trusted, Optional<String> directoryProblem,
            PluginScan scan, FactoryDiscovery.ClasspathFactories classpath) {
        this.pluginsDirectory = pluginsDirectory;
        this.trusted = trusted;
        this.directoryProblem = directoryProblem;
        this.scan = scan;
        List<VmEntry> candidates = new ArrayList<>(scan.entries());
        candidates.addAll(classpath.entries());
        this.registry = Registry.of(candidates);
        this.classpathProblems = classpath.problems();
    }

    /**
     * The plugins directory to use when none is given: {@value #PLUGINS_DIR_ENV} when set and not blank,
     * otherwise {@code plugins} (relative to the working directory).
     *
     * @return the directory, as named (not resolved, and it need not exist); never null
     */
    public static Path defaultPluginsDirectory() {
        return pluginsDirectoryFromEnvironment(System.getenv()).orElse(DEFAULT_PLUGINS_DIR);
    }

    /**
     * The one rule for {@value #PLUGINS_DIR_ENV}: the directory it names when it is set and not blank (white
     * space only counts as not set), as given, not resolved.
     *
     * @param environment the process environment, or a stand-in for it
     * @return the directory named, not resolved; empty when the variable is unset or blank
     */
    public static Optional<Path> pluginsDirectoryFromEnvironment(java.util.Map<String, String> environment) {
        String fromEnvironment = environment.get(PLUGINS_DIR_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnvironment));
    }

    /**
     * A builder with the default plugins directory, the classpath included, and the context class loader.
     *
     * @return a new builder; use it from one thread
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The directory that was scanned.
     *
     * @return the directory as given to the builder or taken by default, not resolved (it need not exist)
     */
    public Path pluginsDirectory() {
        return pluginsDirectory;
    }

    /**
     * Why the plugins directory gave no jars, when it did not.
     *
     * @return e.g. {@code "does not exist"}, {@code "is not a directory"}, {@code "cannot be listed (permission
     *         denied); …"}; empty when it was listed
     */
    public Optional<String> pluginsDirectoryProblem() {
        return directoryProblem;
    }

    /**
     * What the scan decided for each jar.
     *
     * @return a report for every {@code *.jar} found in the plugins directory, accepted or rejected, sorted by
     *         file name; immutable; empty when the directory has no jars or could not be listed (see
     *         {@link #pluginsDirectoryProblem()})
     */
    public List<PluginReport> pluginReports() {
        return scan.reports();
    }

    /**
     * Every usable VM, from plugins and the classpath.
     *
     * @return one entry per codename, sorted by codename; conflicting codenames (see {@link #conflicts()})
     *         are left out; an immutable copy, possibly empty
     */
    public List<VmEntry> entries() {
        return registry.entries();
    }

    /**
     * The usable VM with a codename.
     *
     * @param codename the codename, matched exactly (case-sensitive, no trimming); not null
     * @return the entry; empty when no usable VM has that codename, or two or more sources provide it
     * @throws NullPointerException if {@code codename} is null
     */
    public Optional<VmEntry> find(String codename) {
        return registry.find(codename);
    }

    /**
     * One {@link LoaderErrorCode#SYMBOL_NOT_FOUND} exception per codename that two or more factories
     * provide, sorted by codename; its message names every source. Such a codename is not in
     * {@link #entries()} and loading it by codename fails with the same message.
     *
     * @return the conflicts, one per codename; immutable, empty when every codename is provided once
     */
    public List<LoaderException> conflicts() {
        return registry.conflicts();
    }

    /**
     * The classpath factories that were left out.
     *
     * @return one exception per factory that could not be loaded or has an invalid codename; immutable,
     *         empty when there were none or the classpath is excluded
     */
    public List<LoaderException> classpathProblems() {
        return classpathProblems;
    }

    /**
     * Whether this loader is closed.
     *
     * @return true once {@link #close()} was called; from then on {@code load} throws
     *         {@link IllegalStateException}
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Parses {@code config} and loads that VM; see {@link #load(VmConfig)}.
     *
     * @param config the configuration {@code CODENAME_OR_JAR[,name=value]*}, e.g. {@code "trans_log,verbose=1"},
     *               as {@link VmConfig#parse(String)} reads it; null counts as empty
     * @return the VM, ready to execute; the caller closes it
     * @throws LoaderException with {@link LoaderErrorCode#INVALID_ARGUMENT} for an empty or malformed
     *                         configuration, or any failure of {@link #load(VmConfig)}
     * @throws IllegalStateException if the loader is closed
     */
    public LoadedVm load(String config) throws LoaderException {
        return load(VmConfig.parse(config));
    }

    /**
     * Creates and configures the VM {@code config} names.
     *
     * <p>A codename is looked up in the registry. A jar path ({@link VmConfig#isPath()}) is scanned on
     * its own, even outside the plugins directory, with the same checks as a scanned jar; the VM is its
     * single factory, or the one whose codename the file name gives ({@code trans-log-1.0.0.jar} →
     * {@code trans_log}). The jar stays open until the returned handle is closed.
     *
     * <p>Then {@code create()} is called, the instance's {@code abiVersion()} compared with the host's,
     * and the options applied in order; on any failure the instance is closed.
     *
     * @param config the parsed configuration: a codename or jar path, and the options to apply; not null
     * @return the VM; the caller closes it
     * @throws LoaderException       CANNOT_OPEN (jar missing or unreadable), SYMBOL_NOT_FOUND (unknown or
     *                               ambiguous codename, no fitting factory in the jar), VM_CREATION_FAILURE,
     *                               ABI_VERSION_MISMATCH, INVALID_OPTION_NAME, INVALID_OPTION_VALUE, or
     *                               the jar's rejection
     * @throws IllegalStateException if the loader is closed
     * @throws NullPointerException  if {@code config} is null
     */
    public LoadedVm load(VmConfig config) throws LoaderException {
        Objects.requireNonNull(config, "config");
        ensureOpen();
        if (config.isPath()) {
            return NativeLibraryNames.isNativeLibrary(config.target()) ? loadNativeLibrary(config) : loadFromJar(config);
        }
        String codename = config.target();
        Optional<LoaderException> conflict = registry.conflict(codename);
        if (conflict.isPresent()) {
            throw new LoaderException(conflict.get().errorCode(), conflict.get().getMessage());
        }
        VmEntry entry = registry.find(codename).orElseThrow(() -> unknownCodename(codename));
        return handOut(VmCreator.create(entry, config), entry, config, () -> { });
    }

    private LoadedVm loadFromJar(VmConfig config) throws LoaderException {
        Path jar = config.jarPath();
        if (Files.notExists(jar)) {
            // notExists, not !exists: a file whose directory cannot be searched is "cannot be read", not missing.
            throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "plugin jar " + jar + " does not exist"
                    + (jar.isAbsolute() ? "" : " (looked for " + jar.toAbsolutePath() + ")")
                    + "; check the path, or give a codename instead");
        }
        Path parent = jar.toAbsolutePath().getParent();
        PluginScan single = PluginScan.scan(parent == null ? jar.toAbsolutePath() : parent, List.of(jar), trusted,
                false);
        try {
            PluginReport report = single.reports().get(0);
            if (report.rejection().isPresent()) {
                throw report.rejection().get();
            }
            VmEntry entry = chooseInJar(jar, Registry.of(single.entries()), single.entries());
            return handOut(VmCreator.create(entry, config), entry, config, single::close);
        } catch (LoaderException | RuntimeException | Error e) {
            single.close();
            throw e;
        }
    }

    /**
     * A native VM by the path of its shared library (docs/NATIVE_VMS.md); the reference loader's rules. With
     * pinning, the library is read once and hashed, and a private copy of those bytes (in the directory of
     * extracted libraries) is what the system loads.
     */
    private LoadedVm loadNativeLibrary(VmConfig config) throws LoaderException {
        Path library = config.jarPath();
        if (!Files.exists(library)) {
            throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "native library " + library + " does not exist"
                    + (library.isAbsolute() ? "" : " (looked for " + library.toAbsolutePath() + ")")
                    + "; check the path, or give a codename instead");
        }
        VmSource source = new VmSource.NativeLibraryPath(library);
        if (trusted.isEmpty()) {
            VmEntry entry = new VmEntry(NativeLibraryNames.vmName(library), NativeVmFactory.ofLibrary(library, library),
                    source);
            return handOut(VmCreator.create(entry, config), entry, config, () -> { });
        }
        // Read once, hashed, checked, and placed where extracted libraries go (not the memory file system of the
        // jar copies, which is often mounted noexec): the system loads the bytes that were checked.
        byte[] content = NativeLibraryExtractor.readLibrary(library);
        String digest = NativeLibraryExtractor.sha256(content);
        if (!trusted.get().contains(digest)) {
            throw new LoaderException(LoaderErrorCode.CANNOT_OPEN, "native library " + library
                    + " is not trusted: its SHA-256 " + digest + " is not in " + trusted.get().origin()
                    + "; if you trust this library, add that digest, else give another VM");
        }
        Path checked = NativeLibraryExtractor.place(content, digest, library.getFileName().toString(),
                "native library " + library);
        VmEntry entry = new VmEntry(NativeLibraryNames.vmName(library), NativeVmFactory.ofLibrary(library, checked),
                source);
        return handOut(VmCreator.create(entry, config), entry, config, () -> { });
    }

    private static VmEntry chooseInJar(Path jar, Registry inJar, List<VmEntry> all) throws LoaderException {
        if (!inJar.conflicts().isEmpty()) {
            throw inJar.conflicts().get(0);
        }
        List<VmEntry> entries = inJar.entries();
        if (entries.size() == 1) {
            return entries.get(0);
        }
        String expected = VmConfig.expectedCodename(jar);
        return inJar.find(expected).orElseThrow(() -> new LoaderException(LoaderErrorCode.SYMBOL_NOT_FOUND,
                "plugin jar " + jar + " provides " + all.size() + " VMs (" + String.join(", ", inJar.codenames())
                        + ") and none has the codename " + expected + " its file name suggests; put the jar in the"
                        + " plugins directory and select one of them by codename"));
    }

    private LoaderException unknownCodename(String codename) {
        List<PluginReport> rejected = scan.reports().stream().filter(report -> !report.accepted()).toList();
        // The jar meant to provide the codename was rejected: its rejection is the answer, with its code,
        // exactly as loading that jar by path would fail.
        for (PluginReport report : rejected) {
            if (report.pluginId().map(id -> id.replace('-', '_').equals(codename)).orElse(false)
                    || VmConfig.expectedCodename(report.jar()).equals(codename)) {
                LoaderException rejection = report.rejection().orElseThrow();
                return new LoaderException(rejection.errorCode(), "VM " + codename + " is not available: "
                        + rejection.getMessage(), rejection.getCause());
            }
        }
        List<String> available = registry.codenames();
        StringBuilder message = new StringBuilder("no VM with codename ").append(codename).append(" is available; ");
        message.append(available.isEmpty() ? "there are no VMs" : "available: " + String.join(", ", available));
        message.append(" (plugins directory ").append(pluginsDirectory.toAbsolutePath());
        directoryProblem.ifPresent(problem -> message.append(", which ").append(problem));
        message.append(")");
        if (rejected.isEmpty()) {
            message.append("; put the VM's plugin jar in the plugins directory, or give the path of its jar");
        } else {
            message.append("; ").append(rejected.size()).append(rejected.size() == 1 ? " jar was" : " jars were")
                    .append(" rejected, check whether one should provide it: ");
            int shown = 0;
            for (PluginReport report : rejected) {
                if (shown++ == MAX_REJECTIONS_NAMED) {
                    message.append("; … (").append(rejected.size() - MAX_REJECTIONS_NAMED).append(" more)");
                    break;
                }
                message.append(shown == 1 ? "" : "; ").append(report.rejection().orElseThrow().getMessage());
            }
        }
        return new LoaderException(LoaderErrorCode.SYMBOL_NOT_FOUND, message.toString());
    }

    /** @param release frees what only this VM used (its own scan of a jar, a private copy); never throws */
    private LoadedVm handOut(Vm vm, VmEntry entry, VmConfig config, Runnable release) {
        AtomicReference<LoadedVm> self = new AtomicReference<>();
        LoadedVm handle = new LoadedVm(vm, entry, config, () -> {
            openVms.remove(self.get());
            release.run();
        });
        self.set(handle);
        openVms.add(handle);
        if (closed.get()) {
            // close() ran while this VM was being created; it must not outlive the loader.
            handle.close();
            ensureOpen();
        }
        log.debug("Loaded {} with configuration {}", entry.describe(), config);
        return handle;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this VM loader (plugins directory " + pluginsDirectory
                    + ") is closed; build a new one");
        }
    }

    /**
     * Closes every VM this loader handed out that is still open, then stops and unloads the plugins and
     * closes their class loaders, so the jar files can be deleted or replaced. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (LoadedVm vm : List.copyOf(openVms)) {
            vm.close();
        }
        scan.close();
        log.debug("Closed the VM loader of {}", pluginsDirectory);
    }

    @Override
    public String toString() {
        return "VmLoader[" + pluginsDirectory + ", " + registry.codenames() + (closed.get() ? ", closed" : "") + "]";
    }

    /**
     * Configures and builds a {@link VmLoader}. Not thread-safe; use one builder from one thread.
     */
    public static final class Builder {

        private Path pluginsDirectory;
        private boolean includeClasspath = true;
        private ClassLoader classLoader;
        private Optional<TrustedDigests> trusted = Optional.empty();
        private boolean digests;

        private Builder() {
        }

        /**
         * Whether to compute every scanned jar's SHA-256 for {@link PluginReport#sha256()}, e.g. to list them for
         * a trust file; default false, because hashing costs a cold start some 30 ms. Pinning computes them anyway.
         *
         * @param digests whether to compute the digests
         * @return this builder
         */
        public Builder computeDigests(boolean digests) {
            this.digests = digests;
            return this;
        }

        /**
         * Pins the plugin jars: only jars whose SHA-256 is among {@code digests} load, here and by path; any
         * other is rejected before any of its code runs (its report says so and gives its digest). Default:
         * no pinning. Classpath factories are not affected.
         *
         * @param digests the trusted digests, e.g. {@link TrustedDigests#read(Path)}
         * @return this builder
         */
        public Builder trustedDigests(TrustedDigests digests) {
            this.trusted = Optional.of(Objects.requireNonNull(digests, "digests"));
            return this;
        }

        /**
         * The directory to scan; default {@link VmLoader#defaultPluginsDirectory()}.
         *
         * @param pluginsDirectory the directory, absolute or relative to the working directory; not null. It
         *                         need not exist: a missing directory gives no plugins and is reported by
         *                         {@link VmLoader#pluginsDirectoryProblem()}
         * @return this builder
         * @throws NullPointerException if {@code pluginsDirectory} is null
         */
        public Builder pluginsDirectory(Path pluginsDirectory) {
            this.pluginsDirectory = Objects.requireNonNull(pluginsDirectory, "pluginsDirectory");
            return this;
        }

        /**
         * Whether to add the factories {@link java.util.ServiceLoader} finds on the classpath; default true.
         *
         * @param includeClasspath true to add the classpath's factories, false for plugin jars only
         * @return this builder
         */
        public Builder includeClasspath(boolean includeClasspath) {
            this.includeClasspath = includeClasspath;
            return this;
        }

        /**
         * The class loader whose classpath is searched for factories; default the thread's context class
         * loader, or the loader's own when there is none. Plugins' class loaders are unaffected: their
         * parent is always the loader's own class loader.
         *
         * @param classLoader the class loader to search with {@link java.util.ServiceLoader}; not null
         * @return this builder
         * @throws NullPointerException if {@code classLoader} is null
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Scans now. Bad jars and classpath entries are reported, never thrown.
         *
         * @return the loader; the caller closes it
         */
        public VmLoader build() {
            Path directory = pluginsDirectory != null ? pluginsDirectory : defaultPluginsDirectory();
            List<Path> jars = new ArrayList<>();
            Optional<String> directoryProblem = listJars(directory, jars);
            PluginScan scan = PluginScan.scan(directory.toAbsolutePath(), jars, trusted, digests);
            FactoryDiscovery.ClasspathFactories classpath = FactoryDiscovery.ClasspathFactories.NONE;
            if (includeClasspath) {
                try {
                    classpath = FactoryDiscovery.onClasspath(effectiveClassLoader());
                } catch (RuntimeException | Error e) {
                    scan.close();
                    throw e;
                }
            }
            return new VmLoader(directory, trusted, directoryProblem, scan, classpath);
        }

        private ClassLoader effectiveClassLoader() {
            if (classLoader != null) {
                return classLoader;
            }
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : VmLoader.class.getClassLoader();
        }

        /** Adds the directory's {@code *.jar} entries to {@code jars}, sorted by file name; says why there are none. */
        private static Optional<String> listJars(Path directory, List<Path> jars) {
            if (!Files.isDirectory(directory)) {
                String problem = Files.exists(directory) ? "is not a directory"
                        : Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "is a broken link"
                        : "does not exist";
                log.debug("Plugins directory {} {}", directory, problem);
                return Optional.of(problem);
            }
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory,
                    path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))) {
                stream.forEach(jars::add);
            } catch (java.nio.file.AccessDeniedException e) {
                log.debug("Plugins directory {} cannot be listed", directory, e);
                return Optional.of("cannot be listed (permission denied); make it readable by this user");
            } catch (IOException | RuntimeException e) {
                log.debug("Plugins directory {} cannot be listed", directory, e);
                String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? fs.getReason() : e.toString();
                return Optional.of("cannot be listed (" + reason + ")");
            }
            // A lambda of ours rather than Comparator.comparing: the JDK's own lambda inside it is not in the
            // dvmc command's class-data archive and costs a cold start several milliseconds to spin.
            jars.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return Optional.empty();
        }
    }
}
