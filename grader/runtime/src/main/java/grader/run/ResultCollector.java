package grader.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Listens to a test run and records each graded unit's outcome. A failure in a container above the units (a
 * class whose setup threw) charges every unit below it that had not run, with that failure as the reason.
 */
public final class ResultCollector implements TestExecutionListener {
    private final TestCatalog catalog;
    private final FailureExplainer explainer;
    private final Map<GradedUnit, List<String>> reports = new HashMap<>();
    private final UnitListener listener;

    /** Told when a graded unit starts and when its outcome is final. */
    public interface UnitListener {
        void started(GradedUnit unit);

        void finished(GradedUnit unit);
    }

    public ResultCollector(TestCatalog catalog, FailureExplainer explainer) {
        this(catalog, explainer, new UnitListener() {
            @Override
            public void started(GradedUnit unit) {
            }

            @Override
            public void finished(GradedUnit unit) {
            }
        });
    }

    public ResultCollector(TestCatalog catalog, FailureExplainer explainer, UnitListener listener) {
        this.catalog = catalog;
        this.explainer = explainer;
        this.listener = listener;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        catalog.unit(id.getUniqueId()).ifPresent(listener::started);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        catalog.unitOf(id).ifPresent(u -> reports.computeIfAbsent(u, k -> new ArrayList<>())
                .addAll(entry.getKeyValuePairs().values()));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        catalog.unitOf(id).ifPresentOrElse(u -> {
            if (u.uniqueId.equals(id.getUniqueId())) {
                u.skip(reason);
                listener.finished(u);
            }
        }, () -> catalog.unitsUnder(id).forEach(u -> {
            u.skip(reason);
            listener.finished(u);
        }));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        var unit = catalog.unitOf(id);
        if (unit.isPresent()) {
            GradedUnit u = unit.get();
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    if (u.uniqueId.equals(id.getUniqueId())) {
                        u.pass();
                    }
                }
                case FAILED, ABORTED -> record(u, result, "");
            }
            if (u.uniqueId.equals(id.getUniqueId())) {
                listener.finished(u);
            }
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            String prefix = "could not run: " + id.getDisplayName() + " failed before its tests ran: ";
            for (GradedUnit u : catalog.unitsUnder(id)) {
                if (u.outcome == Outcome.NOT_RUN) {
                    record(u, result, prefix);
                    listener.finished(u);
                }
            }
        }
    }

    private void record(GradedUnit u, TestExecutionResult result, String prefix) {
        Throwable thrown = result.getThrowable().orElse(null);
        if (thrown == null) {
            Outcome how = result.getStatus() == TestExecutionResult.Status.ABORTED ? Outcome.ABORTED : Outcome.ERRORED;
            u.fail(how, prefix + how.name().toLowerCase(java.util.Locale.ROOT) + " without a reason", Map.of());
            return;
        }
        FailureExplainer.Explanation e = explainer.explain(thrown, reports.getOrDefault(u, List.of()),
                u.todos.isEmpty() ? List.of(String.valueOf(u.problem)) : u.todos);
        u.fail(prefix.isEmpty() ? e.outcome() : Outcome.ERRORED, prefix + e.message(), e.details());
    }
}
