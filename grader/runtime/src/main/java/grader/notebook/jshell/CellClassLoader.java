package grader.notebook.jshell;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of a notebook's cells: the classes JShell compiles from them and the jars a cell adds
 * ({@code %jars}). Its parent is the platform loader, so the cells see the JDK and what they add, never the grader's
 * or the kernel's own libraries: a cell runs the same in the kernel and in the grader, whatever each one's class
 * path holds.
 */
final class CellClassLoader extends URLClassLoader {
    private final Map<String, byte[]> compiled = new ConcurrentHashMap<>();

    CellClassLoader() {
        super("notebook-cells", new URL[0], ClassLoader.getPlatformClassLoader());
    }

    /** Makes a class JShell compiled known; it is defined when first loaded. */
    void declare(String name, byte[] bytecode) {
        compiled.put(name, bytecode);
    }

    void addJar(URL url) {
        addURL(url);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = compiled.get(name);
        if (bytecode != null) {
            return defineClass(name, bytecode, 0, bytecode.length);
        }
        return super.findClass(name);
    }
}
