package org.dvmc.host.loader;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.dvmc.spi.VmFactory;

/**
 * Finds VM factories: in one plugin's own class loader, for the class names its
 * {@code META-INF/services/org.dvmc.spi.VmFactory} file lists (read by the {@link JarInspector}), or on
 * the host's classpath with {@link ServiceLoader}. Every factory is created once here, because its codename is needed for the
 * registry; the {@link VmFactory} contract asks for cheap constructors.
 */
final class FactoryDiscovery {

    static final String SERVICES_FILE = "META-INF/services/" + VmFactory.class.getName();

    /** The longest codename accepted, in characters; a longer one is refused before it is matched or shown. */
    static final int MAX_CODENAME_LENGTH = VmFactory.MAX_CODENAME_LENGTH;

    /** Guards against a classpath whose ServiceLoader keeps failing without advancing. */
    private static final int MAX_CLASSPATH_PROVIDERS = 10_000;

    private FactoryDiscovery() {
    }

    /** The factories and problems found on the classpath. */
    record ClasspathFactories(List<VmEntry> entries, List<LoaderException> problems) {
        static final ClasspathFactories NONE = new ClasspathFactories(List.of(), List.of());
    }

    /**
     * Creates the factories {@code classNames} (read from the plugin's services file) in the plugin's
     * own class loader.
     *
     * @param source describes the plugin for entries and messages
     * @throws LoaderException if any entry fails; the message names the jar and every failing entry,
     *                         the code is that of the first failure
     */
    static List<VmEntry> inPlugin(List<String> classNames, java.util.Set<String> withClassFile,
            ClassLoader pluginLoader, VmSource source) throws LoaderException {
        Path jar = source.jar().orElseThrow();
        List<VmEntry> entries = new ArrayList<>(classNames.size());
        List<LoaderException> problems = new ArrayList<>();
        for (String className : classNames) {
            try {
                VmFactory factory = instantiate(className, pluginLoader, withClassFile.contains(className));
                entries.add(new VmEntry(codenameOf(factory, className), factory, source));
            } catch (LoaderException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw combined("plugin jar " + jar + " cannot be used: ", problems,
                    "; fix " + SERVICES_FILE + " or the classes it names and rebuild the plugin");
        }
        return entries;
    }

    /** Every factory {@link ServiceLoader} finds through {@code classLoader}, and the entries that failed. */
    static ClasspathFactories onClasspath(ClassLoader classLoader) {
        List<VmEntry> entries = new ArrayList<>();
        List<LoaderException> problems = new ArrayList<>();
        Iterator<VmFactory> providers = ServiceLoader.load(VmFactory.class, classLoader).iterator();
        for (int i = 0; i < MAX_CLASSPATH_PROVIDERS; i++) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                VmFactory factory = providers.next();
                // A classpath factory's class name is the JDK's to read; only its codename is plugin data.
                String className = factory.getClass().getName();
                entries.add(new VmEntry(codenameOf(factory, className), factory, VmSource.classpath()));
            } catch (ServiceConfigurationError e) {
                // The iterator moves past a failing provider, so the others are still found.
                problems.add(new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE,
                        "classpath VM factory cannot be loaded: " + messageOf(e)
                                + "; fix " + SERVICES_FILE + " on the classpath or the class it names", e));
            } catch (LoaderException e) {
                problems.add(new LoaderException(e.errorCode(), "classpath " + e.getMessage(), e.getCause()));
            } catch (Throwable t) {
                problems.add(new LoaderException(LoaderErrorCode.VM_CREATION_FAILURE,
                        "classpath VM factory cannot be loaded: " + t, t));
            }
        }
        return new ClasspathFactories(List.copyOf(entries), List.copyOf(problems));
    }

    private static VmFactory instantiate(String className, ClassLoader loader, boolean classFileInJar)
            throws LoaderException {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            if (classFileInJar) {
                // The inspection saw the class file, so the class loader could not read the jar.
                throw entryProblem(LoaderErrorCode.CANNOT_OPEN, className, "is in the jar but its class loader"
                        + " could not read it; the process may be out of file descriptors (close loaders and VMs"
                        + " no longer needed, or raise ulimit -n) or the jar's private copy was removed", e);
            }
            throw entryProblem(LoaderErrorCode.SYMBOL_NOT_FOUND, className, "is not in the jar", e);
        } catch (LinkageError e) {
            throw entryProblem(LoaderErrorCode.VM_CREATION_FAILURE, className, "cannot be linked (" + e + ")", e);
        }
        if (!VmFactory.class.isAssignableFrom(type)) {
            throw entryProblem(LoaderErrorCode.SYMBOL_NOT_FOUND, className, implementsCopyOfSpi(type)
                    ? "implements a different copy of " + VmFactory.class.getName() + " than the host's"
                    : "does not implement " + VmFactory.class.getName(), null);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw entryProblem(LoaderErrorCode.SYMBOL_NOT_FOUND, className,
                    "is not a public concrete class", null);
        }
        try {
            return (VmFactory) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw entryProblem(LoaderErrorCode.SYMBOL_NOT_FOUND, className,
                    "has no public constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw entryProblem(LoaderErrorCode.VM_CREATION_FAILURE, className,
                    "failed in its constructor (" + e.getCause() + ")", e.getCause());
        } catch (ExceptionInInitializerError e) {
            Throwable cause = realCause(e);
            throw entryProblem(LoaderErrorCode.VM_CREATION_FAILURE, className,
                    "failed in its static initializer (" + cause + ")", cause);
        } catch (Throwable t) {
            // NoClassDefFoundError, InstantiationException, an OutOfMemoryError of the plugin's own making, ...
            throw entryProblem(LoaderErrorCode.VM_CREATION_FAILURE, className, "cannot be created (" + t + ")", t);
        }
    }

    /**
     * What really went wrong behind the JDK's wrappers ({@link ExceptionInInitializerError},
     * {@link InvocationTargetException}), which say only that something did.
     */
    static Throwable realCause(Throwable t) {
        Throwable current = t;
        for (int depth = 0; depth < 10 && current.getCause() != null
                && (current instanceof ExceptionInInitializerError || current instanceof InvocationTargetException
                        || current instanceof org.pf4j.PluginRuntimeException); depth++) {
            current = current.getCause();
        }
        return current;
    }

    private static String codenameOf(VmFactory factory, String className) throws LoaderException {
        String codename;
        try {
            codename = factory.codename();
        } catch (Throwable t) {
            throw entryProblem(LoaderErrorCode.VM_CREATION_FAILURE, className, "failed in codename() (" + t + ")", t);
        }
        if (codename != null && codename.length() > MAX_CODENAME_LENGTH) {
            throw entryProblem(LoaderErrorCode.SYMBOL_NOT_FOUND, className, "has a codename of " + codename.length()
                    + " characters, more than the " + MAX_CODENAME_LENGTH + " a codename may have", null);
        }
        if (codename == null || !VmFactory.CODENAME_PATTERN.matcher(codename).matches()) {
            throw entryProblem(LoaderErrorCode.SYMBOL_NOT_FOUND, className,
                    "has the invalid codename " + (codename == null ? "null" : "'" + Escaping.escape(codename) + "'")
                            + " (a codename is lower-case letters, digits and underscores, starting with a letter)",
                    null);
        }
        return codename;
    }

    private static boolean implementsCopyOfSpi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Arrays.stream(c.getInterfaces()).anyMatch(i -> i.getName().equals(VmFactory.class.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static LoaderException entryProblem(LoaderErrorCode code, String className, String problem,
            Throwable cause) {
        return new LoaderException(code, "VM factory " + className + " " + problem, cause);
    }

    private static LoaderException combined(String prefix, List<LoaderException> problems, String remedy) {
        LoaderException first = problems.get(0);
        LoaderException combined = new LoaderException(first.errorCode(),
                prefix + problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")) + remedy,
                first.getCause());
        problems.stream().skip(1).map(Throwable::getCause).filter(c -> c != null).forEach(combined::addSuppressed);
        return combined;
    }

    private static String messageOf(ServiceConfigurationError e) {
        return e.getCause() == null ? e.getMessage() : e.getMessage() + " (" + e.getCause() + ")";
    }
}
