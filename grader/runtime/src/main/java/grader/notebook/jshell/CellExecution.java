package grader.notebook.jshell;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell's snippets in this JVM (as JShell's "local" engine does) on a thread of their own, so that a cell can
 * be stopped, and keeps what each snippet returned or threw as an object: the kernel shows an image a cell returns,
 * and both the kernel and the grader report the exception a cell threw, not JShell's copy of it.
 */
final class CellExecution extends DirectExecutionControl {
    private final CellClassLoader loader;
    private volatile Thread running;
    private Object lastValue;
    private Throwable lastThrown;

    private CellExecution(CellClassLoader loader) {
        super(new Loader(loader));
        this.loader = loader;
    }

    /** The provider JShell asks for its engine; {@code created} receives the engine it made. */
    static ExecutionControlProvider provider(CellClassLoader loader, AtomicReference<CellExecution> created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "notebook-cells";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                CellExecution execution = new CellExecution(loader);
                created.set(execution);
                return execution;
            }
        };
    }

    /** What the last snippet returned, and forgets it. */
    Object takeValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    /** What the last snippet threw, and forgets it. */
    Throwable takeThrown() {
        Throwable t = lastThrown;
        lastThrown = null;
        return t;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                value.set(doit.invoke(null));
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "notebook-cell");
        thread.setContextClassLoader(loader);
        running = thread;
        thread.start();
        thread.join();
        running = null;
        if (thrown.get() != null) {
            lastThrown = thrown.get();
            throw new InvocationTargetException(thrown.get());
        }
        lastValue = value.get();
        return valueString(value.get());
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread thread = running;
        if (thread != null) {
            try {
                thread.stop(); // the only way to end a cell that never checks for interruption (JDK 17 to 19)
            } catch (UnsupportedOperationException e) {
                thread.interrupt(); // JDK 20 and later: a cell that ignores interruption keeps running
            }
        }
    }

    /** JShell's class loading, into {@link CellClassLoader}. */
    private static final class Loader implements LoaderDelegate {
        /** A snippet's wrapper class: JShell names a new version of snippet 15 "$JShell$15B", then "…15C". */
        private static final Pattern WRAPPER = Pattern.compile("(REPL\\.\\$JShell\\$\\d+)[A-Z]*");
        private final CellClassLoader loader;
        private final Map<String, Class<?>> latest = new HashMap<>();

        Loader(CellClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException {
            boolean[] installed = new boolean[classes.length];
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            for (int i = 0; i < classes.length; i++) {
                try {
                    Class<?> loaded = loader.loadClass(classes[i].name());
                    keepValues(loaded);
                    installed[i] = true;
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new ClassInstallException("cannot load " + classes[i].name() + ": " + e, installed);
                }
            }
        }

        /**
         * When JShell recompiles a variable's snippet (a later cell's import can make it do so), this engine cannot
         * redefine the class in place as the jshell tool's JDI engine does, so JShell loads a new version of it,
         * whose variables would start at null. They keep their values instead, as they do in the jshell tool.
         */
        private void keepValues(Class<?> loaded) {
            Matcher m = WRAPPER.matcher(loaded.getName());
            if (!m.matches()) {
                return;
            }
            Class<?> previous = latest.put(m.group(1), loaded);
            if (previous == null || previous == loaded) {
                return;
            }
            for (Field f : loaded.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                    continue;
                }
                try {
                    Field old = previous.getDeclaredField(f.getName());
                    if (old.getType() == f.getType() && Modifier.isStatic(old.getModifiers())) {
                        old.setAccessible(true);
                        f.setAccessible(true);
                        f.set(null, old.get(null));
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a variable whose type changed starts over, as in the jshell tool
                }
            }
        }

        @Override
        public void classesRedefined(ClassBytecodes[] classes) {
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
        }

        @Override
        public void addToClasspath(String path) throws InternalException {
            for (String entry : path.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    loader.addJar(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new InternalException("not a usable path: " + entry);
                }
            }
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            return loader.loadClass(name);
        }
    }
}
