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
        budget.overrun();
        for (int i = 0; i < 74; i++) { // then 7.4 s of sleep, read every 0.1 s
            pass(0.1, 0.0001);
            assertThat(budget.overrun()).isNull();
        }
        pass(0.2, 0);
        assertThat(budget.overrun()).isEqualTo(CpuBudget.Overrun.IDLE);
        assertThat(budget.describe(CpuBudget.Overrun.IDLE)).startsWith(
                "stopped after 7.5 s in which it computed nothing (0.1 s of CPU time of its 1.5 s in all)");
    }

    @Test
    void aStarvedChildIsNotIdle() {
        budget.start(1);
        for (int i = 0; i < 100; i++) { // 10 s at 9% of a core: a load of 22 on two cores
            pass(0.1, 0.009);
            assertThat(budget.overrun()).isNull();
        }
        assertThat(budget.idleSeconds()).isZero();
        for (int i = 0; i < 20; i++) {
            pass(0.1, 0.009);
            budget.overrun();
        }
        assertThat(budget.overrun()).isEqualTo(CpuBudget.Overrun.CPU);
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
