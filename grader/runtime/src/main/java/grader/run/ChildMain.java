package grader.run;

import grader.compile.CompileReport;
import grader.course.Course;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The child JVM in which the submission's code runs. It reads the run's token from standard input, runs the
 * selected units, and reports each start and outcome to the grading process as {@link ChildEvent} lines on its
 * real standard output. Whatever the tests print is captured per test. It never writes results.json.
 *
 * <pre>
 * java -cp ... grader.run.ChildMain [--submission PATH]... --select FILE
 *      --jqwik-database FILE [--output-cap BYTES] [--compile-report FILE]
 * </pre>
 */
public final class ChildMain {
    private static PrintStream channel;
    private static String token;
    private static volatile GradedUnit current;

    private ChildMain() {
    }

    public static void main(String[] args) throws IOException {
        // Before any test code runs: the token and the channel are taken while only the harness is here.
        token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (token == null || token.isBlank()) {
            System.err.println("grader child: no token on standard input");
            Runtime.getRuntime().halt(2);
        }
        List<Path> submission = new ArrayList<>();
        Path select = null;
        String database = null;
        int outputCap = 16_384;
        CompileReport compiled = CompileReport.NONE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--submission" -> submission.add(Paths.get(args[i + 1]));
                case "--select" -> select = Paths.get(args[i + 1]);
                case "--jqwik-database" -> database = args[i + 1];
                case "--output-cap" -> outputCap = Integer.parseInt(args[i + 1]);
                case "--compile-report" -> compiled = CompileReport.read(Paths.get(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Set<String> selected = Files.readAllLines(select, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));

        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        GradingRun.configure(request, database);
        for (String id : selected) {
            request.selectors(DiscoverySelectors.selectUniqueId(id));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(built);
        TestCatalog catalog = TestCatalog.of(plan, Course.defaults()); // ids and outcomes only: no titles

        OutputCapture capture = OutputCapture.install(outputCap);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            GradedUnit unit = current;
            if (unit != null) {
                send(ChildEvent.of(token, "exit", unit.uniqueId));
            }
        }));
        ThreadWatch threads = new ThreadWatch();
        FailureExplainer explainer = new FailureExplainer(new StudentCode(submission), compiled.replacedClasses(),
                compiled.replacedTodos());
        ResultCollector collector = new ResultCollector(catalog, explainer, new ResultCollector.UnitListener() {
            @Override
            public void started(GradedUnit unit) {
                threads.mark();
                current = unit;
                send(ChildEvent.of(token, "started", unit.uniqueId));
            }

            @Override
            public void finished(GradedUnit unit) {
                String leftover = threads.leftRunning();
                if (leftover != null && unit.outcome == Outcome.PASSED) {
                    unit.charge(Outcome.ERRORED, "your code left a thread running after the test ended ("
                            + leftover + "); stop the threads you start");
                }
                current = null;
                send(new ChildEvent(token, "finished", unit.uniqueId, unit.outcome.name(), unit.output,
                        unit.reproduction, capture.take()));
            }
        });
        try {
            launcher.execute(plan, collector);
        } catch (Throwable t) {
            // The engines rethrow what they consider unrecoverable (OutOfMemoryError, for one).
            GradedUnit unit = current;
            send(new ChildEvent(token, "fatal", unit == null ? null : unit.uniqueId, null,
                    t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), null, null));
            current = null;
            Runtime.getRuntime().halt(3);
        }
        send(ChildEvent.of(token, "done", null));
        // halt, not exit: a thread a submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    private static synchronized void send(ChildEvent event) {
        channel.println(event.toJson());
        channel.flush();
    }
}
