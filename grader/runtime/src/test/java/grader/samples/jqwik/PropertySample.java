package grader.samples.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import grader.api.Points;
import grader.api.Problem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A property that fails (with a fixed seed, so the shrunk sample is known) and one that holds. */
@Problem(value = 5, title = "Properties")
class PropertySample {

    @Property(seed = "42")
    @Points(2)
    void staysBelowOneHundred(@ForAll @IntRange(min = 0, max = 1000) int n) {
        assertThat(n).as("n").isLessThan(100);
    }

    @Property(seed = "7", tries = 50)
    @Points(1)
    void addingZeroChangesNothing(@ForAll int n) {
        assertThat(n + 0).isEqualTo(n);
    }
}
