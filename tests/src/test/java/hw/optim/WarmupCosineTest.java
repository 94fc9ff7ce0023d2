package hw.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import grader.api.Points;
import grader.api.Todo;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

@Todo("6.4")
@Label("Problem 6.4 WarmupCosine.at")
class WarmupCosineTest {

    @Property(tries = 25, seed = "6401")
    @Label("shape: positive from step 1, rising to maxLr at the end of the warmup, never rising afterwards, minLr from"
            + " totalSteps on")
    @Points(2)
    void shape(@ForAll @DoubleRange(min = 1e-4, max = 1.0) @Scale(6) double maxLr,
            @ForAll @DoubleRange(min = 0.0, max = 0.9) @Scale(6) double minFraction,
            @ForAll @IntRange(min = 0, max = 30) int warmup,
            @ForAll @IntRange(min = 1, max = 60) int decay) {
        double minLr = maxLr * minFraction;
        int total = warmup + decay;
        WarmupCosine schedule = new WarmupCosine(maxLr, minLr, warmup, total);
        String what = "WarmupCosine(maxLr " + maxLr + ", minLr " + minLr + ", warmup " + warmup + ", total " + total
                + ")";
        assertThat(schedule.at(1)).as("%s at step 1 (the first step must learn something)", what).isGreaterThan(0);
        double previous = 0;
        for (int s = 1; s <= warmup; s++) {
            double lr = schedule.at(s);
            assertThat(lr).as("%s at step %d, in the warmup: should rise above step %d's %s", what, s, s - 1, previous)
                    .isGreaterThan(previous);
            previous = lr;
        }
        if (warmup > 0) {
            assertThat(schedule.at(warmup)).as("%s at step %d, the last warmup step: the peak", what, warmup)
                    .isCloseTo(maxLr, within(1e-12 * maxLr));
        }
        previous = warmup > 0 ? maxLr : Double.POSITIVE_INFINITY;
        for (int s = warmup + 1; s <= total; s++) {
            double lr = schedule.at(s);
            assertThat(lr).as("%s at step %d, in the decay: should not exceed step %d's %s", what, s, s - 1, previous)
                    .isLessThanOrEqualTo(previous + 1e-15);
            assertThat(lr).as("%s at step %d: between minLr and maxLr", what, s)
                    .isBetween(minLr - 1e-15, maxLr + 1e-15);
            previous = lr;
        }
        for (int s : new int[] {total, total + 1, total + 100}) {
            assertThat(schedule.at(s)).as("%s at step %d (from totalSteps on: minLr)", what, s)
                    .isCloseTo(minLr, within(1e-12 * maxLr));
        }
    }

    @Example
    @Label("values: maxLr·step/warmup while warming up, then minLr + (maxLr − minLr)·(1 + cos(π·progress))/2")
    @Points(1)
    void values() {
        WarmupCosine schedule = new WarmupCosine(6e-4, 6e-5, 10, 110);
        double[][] expected = {
            {1, 6e-5}, {4, 2.4e-4}, {10, 6e-4},
            {11, 6e-5 + 5.4e-4 * 0.5 * (1 + Math.cos(Math.PI * 0.01))},
            {35, 6e-5 + 5.4e-4 * 0.5 * (1 + Math.cos(Math.PI * 0.25))},
            {60, 6e-5 + 5.4e-4 * 0.5},
            {100, 6e-5 + 5.4e-4 * 0.5 * (1 + Math.cos(Math.PI * 0.9))},
            {110, 6e-5}, {500, 6e-5}};
        for (double[] e : expected) {
            assertThat(schedule.at((int) e[0]))
                    .as("WarmupCosine(maxLr 6e-4, minLr 6e-5, warmup 10, total 110) at step %d (steps count from 1)",
                            (int) e[0]).isCloseTo(e[1], within(1e-15));
        }
        WarmupCosine noWarmup = new WarmupCosine(1.0, 0.0, 0, 4);
        double[] cosine = {0.5 * (1 + Math.cos(Math.PI / 4)), 0.5, 0.5 * (1 + Math.cos(3 * Math.PI / 4)), 0.0};
        for (int s = 1; s <= 4; s++) {
            assertThat(noWarmup.at(s)).as("WarmupCosine(maxLr 1, minLr 0, no warmup, total 4) at step %d", s)
                    .isCloseTo(cosine[s - 1], within(1e-15));
        }
    }
}
