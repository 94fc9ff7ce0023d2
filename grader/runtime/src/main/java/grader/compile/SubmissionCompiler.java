package grader.compile;

import grader.io.FileOps;
import grader.io.Javac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compiles a student's source files so that one broken file costs only the tests that need it. Each file the
 * student submitted replaces the skeleton's file of the same package and name; a file that does not compile,
 * or that removes part of the skeleton's public API, is repaired TODO by TODO (see {@link RegionFallback}): the
 * TODOs an error falls in get the skeleton's body, whose "not implemented yet" costs only their points; only when
 * that fails is the whole file replaced by the skeleton's. The result says what was replaced and why.
 */
public final class SubmissionCompiler {
    private static final int MAX_REASON = 600;

    /**
     * What was compiled: the classes folder, the student's files that were replaced whole, with the reason, and
     * the TODOs ("Problem 5.3 (BigramLM.generate)") graded with the skeleton's body, with the message to show.
     */
    public record Result(Path classes, Map<String, String> replaced, Map<String, String> replacedTodos,
            boolean compiled, String log) {
        /** The replaced files as classes: hw/tensor/Tensor.java → hw.tensor.Tensor. */
        public Map<String, String> replacedClasses() {
            Map<String, String> out = new TreeMap<>();
            replaced.forEach((file, why) -> out.put(file.replaceAll("\\.java$", "").replace('/', '.'), why));
            return out;
        }
    }

    private SubmissionCompiler() {
    }

    /**
     * @param submitted the student's .java files by relative path ("hw/tensor/Tensor.java")
     * @param skeleton  the skeleton's .java files by relative path
     * @param classpath the libraries both compile against
     * @param out       an empty folder for the classes
     */
    public static Result compile(Map<String, Path> submitted, Map<String, Path> skeleton, String classpath,
            Path out) {
        return compile(submitted, skeleton, null, classpath, out);
    }

    /**
     * @param skeletonClasses the skeleton already compiled (its API is read from them), or null to compile it here
     */
    public static Result compile(Map<String, Path> submitted, Map<String, Path> skeleton, Path skeletonClasses,
            String classpath, Path out) {
        Map<String, Path> sources = new TreeMap<>(skeleton);
        sources.putAll(submitted);
        Map<String, String> replaced = new LinkedHashMap<>();
        Map<String, RegionFallback> repairs = new LinkedHashMap<>();
        Path patched = out.resolveSibling(out.getFileName() + "-patched");
        FileOps.deleteTree(patched);
        Set<String> skeletonApi = null;
        StringBuilder log = new StringBuilder();
        for (int round = 0; round <= 20 * (submitted.size() + 1); round++) {
            FileOps.deleteTree(out);
            Map<String, List<String>> errors = javac(sources.values(), classpath, out, sources);
            if (errors.isEmpty()) {
                if (skeletonApi == null) {
                    skeletonApi = apiOfSkeleton(skeleton, skeletonClasses, classpath,
                            out.resolveSibling(out.getFileName() + "-skeleton"));
                }
                Map<String, String> changed = changedApi(sources, submitted, replaced, skeleton, skeletonApi,
                        classpath, out);
                if (changed.isEmpty()) {
                    return result(out, replaced, repairs, true, log);
                }
                changed.forEach((file, why) -> {
                    if (!repair(file, List.of(), submitted, skeleton, repairs, sources, patched)) {
                        replaced.put(file, why);
                        sources.put(file, skeleton.get(file));
                    } else {
                        log.append(file).append(" ").append(why).append(": graded with the skeleton's provided code")
                                .append(" and your TODOs\n");
                    }
                });
                continue;
            }
            List<String> studentFiles = errors.keySet().stream()
                    .filter(f -> submitted.containsKey(f) && !replaced.containsKey(f)).toList();
            if (studentFiles.isEmpty()) {
                log.append("the submission does not compile even with the skeleton's files:\n");
                errors.forEach((f, e) -> log.append("  ").append(f).append(": ").append(e.get(0)).append('\n'));
                return result(out, replaced, repairs, false, log);
            }
            // A file that does not parse breaks the files that use it; repair those first and look again.
            List<String> syntax = studentFiles.stream().filter(f -> errors.get(f).stream()
                    .anyMatch(SubmissionCompiler::isSyntaxError)).toList();
            for (String file : syntax.isEmpty() ? studentFiles : syntax) {
                if (repair(file, errors.get(file), submitted, skeleton, repairs, sources, patched)) {
                    continue;
                }
                replaced.put(file, cap("does not compile: " + String.join("; ", errors.get(file))));
                repairs.remove(file);
                if (skeleton.containsKey(file)) {
                    sources.put(file, skeleton.get(file));
                } else {
                    sources.remove(file);
                }
            }
        }
        return result(out, replaced, repairs, false, log.append("gave up after too many rounds\n"));
    }

    /** Tries the next TODO-by-TODO repair of a student file; false when only the whole skeleton file is left. */
    private static boolean repair(String file, List<String> errors, Map<String, Path> submitted,
            Map<String, Path> skeleton, Map<String, RegionFallback> repairs, Map<String, Path> sources, Path patched) {
        if (!skeleton.containsKey(file) || !submitted.containsKey(file)) {
            return false;
        }
        try {
            RegionFallback repair = repairs.get(file);
            if (repair == null) {
                repair = new RegionFallback(file,
                        Files.readString(submitted.get(file), StandardCharsets.UTF_8),
                        Files.readString(skeleton.get(file), StandardCharsets.UTF_8));
                repairs.put(file, repair);
            }
            String text = repair.next(errors);
            if (text == null) {
                return false;
            }
            Path target = patched.resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            sources.put(file, target);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Result result(Path out, Map<String, String> replaced, Map<String, RegionFallback> repairs,
            boolean compiled, StringBuilder log) {
        Map<String, String> todos = new LinkedHashMap<>();
        repairs.forEach((file, r) -> {
            if (!replaced.containsKey(file)) {
                todos.putAll(r.replacedTodos());
                log.append(r.summary()).append('\n');
            }
        });
        todos.replaceAll((label, why) -> cap(why));
        return new Result(out, replaced, todos, compiled, log.toString());
    }

    private static boolean isSyntaxError(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("expected") || m.contains("illegal start") || m.contains("reached end of file")
                || m.contains("unclosed") || m.contains("not a statement") || m.contains("class, interface");
    }

    /** Compiles, returning the errors by relative source path (empty when it compiled). */
    private static Map<String, List<String>> javac(Collection<Path> files, String classpath, Path out,
            Map<String, Path> byRelative) {
        Map<Path, String> relative = new LinkedHashMap<>();
        byRelative.forEach((rel, p) -> relative.put(p.toAbsolutePath().normalize(), rel));
        Map<String, List<String>> errors = new TreeMap<>();
        Javac.compile(List.copyOf(files), classpath, out).forEach((file, messages) ->
                errors.put(relative.getOrDefault(file, file.getFileName().toString()), messages));
        return errors;
    }

    /** The skeleton's public API, from its classes when given, else compiled into {@code out} first. */
    private static Set<String> apiOfSkeleton(Map<String, Path> skeleton, Path compiled, String classpath, Path out) {
        Path classes = compiled;
        if (classes == null) {
            FileOps.deleteTree(out);
            Map<String, List<String>> errors = javac(skeleton.values(), classpath, out, skeleton);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the skeleton itself does not compile: " + errors);
            }
            classes = out;
        }
        Set<String> api = new TreeSet<>();
        for (String file : skeleton.keySet()) {
            api.addAll(apiOf(file, classes, classpath));
        }
        return api;
    }

    /** Student files whose public API lacks part of the skeleton's, with what is missing. */
    private static Map<String, String> changedApi(Map<String, Path> sources, Map<String, Path> submitted,
            Map<String, String> replaced, Map<String, Path> skeleton, Set<String> skeletonApi, String classpath,
            Path out) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (String file : submitted.keySet()) {
            if (replaced.containsKey(file) || !skeleton.containsKey(file)) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            String prefix = file.replaceAll("\\.java$", "").replace('/', '.');
            for (String sig : skeletonApi) {
                if (sig.startsWith(prefix + " ") || sig.startsWith(prefix + "$") || sig.startsWith(prefix + ".")) {
                    expected.add(sig);
                }
            }
            expected.removeAll(apiOf(file, out, classpath));
            if (!expected.isEmpty()) {
                changed.put(file, cap("changed the public API the tests use; missing: "
                        + String.join(", ", expected)));
            }
        }
        return changed;
    }

    /** The public and protected signatures of the top-level type a file declares, and of its nested types. */
    private static Set<String> apiOf(String file, Path classes, String classpath) {
        String top = file.replaceAll("\\.java$", "").replace('/', '.');
        Set<String> api = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls(classes, classpath), null)) {
            Class<?> type;
            try {
                type = Class.forName(top, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return api;
            }
            addApi(type, api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api;
    }

    private static void addApi(Class<?> type, Set<String> api) {
        if (!isVisible(type.getModifiers())) {
            return;
        }
        String name = type.getName();
        api.add(name + " " + (type.isInterface() ? "interface" : type.isEnum() ? "enum" : "class"));
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        for (Member m : members) {
            if (!isVisible(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            String isStatic = Modifier.isStatic(m.getModifiers()) ? "static " : "";
            if (m instanceof Method method) {
                api.add(name + "." + isStatic + method.getName() + params(method.getParameterTypes()) + " : "
                        + method.getGenericReturnType().getTypeName());
            } else if (m instanceof Constructor<?> c) {
                api.add(name + ".<init>" + params(c.getParameterTypes()));
            } else if (m instanceof Field f) {
                api.add(name + "." + isStatic + f.getName() + " : " + f.getGenericType().getTypeName());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            addApi(nested, api);
        }
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String params(Class<?>[] types) {
        return "(" + String.join(", ", Arrays.stream(types).map(Class::getTypeName).toList()) + ")";
    }

    private static URL[] urls(Path classes, String classpath) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String e : classpath.split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) {
                urls.add(Path.of(e).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static String cap(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }

    /** The .java files below {@code root}, by the path their package gives them ("hw/tensor/Tensor.java"). */
    public static Map<String, Path> javaFilesByPackage(Path root) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).toList()) {
                String pkg = packageOf(Files.readString(p, StandardCharsets.UTF_8));
                String rel = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + p.getFileName();
                out.putIfAbsent(rel, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String packageOf(String source) {
        var m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(source);
        return m.find() ? m.group(1) : "";
    }
}
