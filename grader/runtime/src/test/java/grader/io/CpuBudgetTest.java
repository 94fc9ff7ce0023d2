package grader.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A limit charged in CPU time, with the wall clock only as a far backstop. */
class CpuBudgetTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong cpu = new AtomicLong(7 * SECOND);
    private final AtomicLong wall = new AtomicLong(100 * SECOND);
    private final CpuBudget budget = new CpuBudget(cpu::get, wall::get);

    private void pass(double wallSeconds, double cpuSeconds) {
        wall.addAndGet((long) (wallSeconds * SECOND));
        cpu.addAndGet((long) (cpuSeconds * SECOND));
    }

    @Test
    void aSlowMachineCostsNothingWhileTheCpuTimeIsWithinTheLimit() {
        budget.start(2);
        pass(15, 1.9); // a busy machine: far longer than the limit by the wall clock, and never idle
        assertThat(budget.overrun()).isNull();
        pass(1, 0.2);
        assertThat(budget.overrun()).isEqualTo(CpuBudget.Overrun.CPU);
        assertThat(budget.describe(CpuBudget.Overrun.CPU)).isEqualTo("timed out after 2 s of CPU time");
    }

    @Test
    void aChildThatOnlyWaitsIsStoppedAtTheBackstop() {
        budget.start(1.5);
        pass(1, 0.1);
        double waited = 1;
        while (budget.overrun() == null && waited < 60) { // then it sleeps, read every 0.1 s
            pass(0.1, 0.0001);
            waited += 0.1;
        }
        assertThat(budget.overrun()).isEqualTo(CpuBudget.Overrun.IDLE);
        // 7.5 s idle, judged in windows of 5 s, the first of which computed
        assertThat(waited).isBetween(14.9, 15.2);
        assertThat(budget.describe(CpuBudget.Overrun.IDLE)).startsWith(
                "stopped: it computed nothing for 7.5 s (0.1 s of CPU time of its 1.5 s in all)");
    }

    @Test
    void aStarvedChildIsNotIdleEvenWhenItsCpuTimeIsCountedInTicks() {
        CpuBudget ticks = new CpuBudget(() -> cpu.get() / 10_000_000 * 10_000_000, wall::get);
        ticks.start(1);
        for (int i = 0; i < 250; i++) { // 25 s at 3.6% of a core, as an endless loop at a load of 36
            pass(0.1, 0.0036);
            assertThat(ticks.overrun()).isNull();
        }
        assertThat(ticks.idleSeconds()).isZero();
        while (ticks.overrun() == null && wall.get() < 200 * SECOND) {
            pass(0.1, 0.0036);
        }
        assertThat(ticks.overrun()).isEqualTo(CpuBudget.Overrun.CPU);
    }

    @Test
    void eachStartChargesAFreshLimitAndNothingIsChargedWhenStopped() {
        budget.start(1);
        pass(1, 0.9);
        budget.stop();
        assertThat(budget.cpuSeconds()).isEqualTo(0.9);
        pass(60, 30); // between tests: the harness's own work
        assertThat(budget.overrun()).isNull();
        budget.start(1);
        pass(1, 0.5);
        assertThat(budget.overrun()).isNull();
        assertThat(budget.cpuSeconds()).isEqualTo(0.5);
    }

    @Test
    void cpuTimeNeverGoesBackWhenADescendantEnds() {
        budget.start(1);
        pass(1, 0.8);
        assertThat(budget.overrun()).isNull();
        pass(1, -0.5); // a descendant with half a second ended: the total read drops
        budget.overrun();
        assertThat(budget.cpuSeconds()).isEqualTo(0.8);
    }

    @Test
    void aRealProcessTreeHasCpuTime() {
        assertThat(CpuBudget.treeCpuNanos(ProcessHandle.current())).isPositive();
    }
}
