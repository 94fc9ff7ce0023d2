package grader.run;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Whether a class was loaded from the submission (the code being graded), judged by where its bytes came from. */
public final class StudentCode implements Predicate<String> {
    private final List<Path> locations;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    /** @param locations the submission's class folders or jars; none means no frame is shown */
    public StudentCode(List<Path> locations) {
        this.locations = locations.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    @Override
    public boolean test(String className) {
        return !locations.isEmpty() && known.computeIfAbsent(className, this::loadedFromSubmission);
    }

    private boolean loadedFromSubmission(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            CodeSource source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return false;
            }
            Path from = Paths.get(source.getLocation().toURI()).toAbsolutePath().normalize();
            return locations.stream().anyMatch(from::startsWith);
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | RuntimeException e) {
            return false;
        }
    }
}
