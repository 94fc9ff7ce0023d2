package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlinesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    @Test
    void aDeadlineTakesAnOffsetOrTheGivenZoneAndADateMeansItsLastSecond() {
        assertThat(Deadlines.parse("2025-05-01T23:59+02:00", null, PARIS).classDeadline())
                .hasToString("2025-05-01T23:59+02:00");
        assertThat(Deadlines.parse("2025-01-10 18:00", null, PARIS).classDeadline())
                .hasToString("2025-01-10T18:00+01:00");
        assertThat(Deadlines.parse("2025-05-01", null, PARIS).classDeadline()).hasToString("2025-05-01T23:59:59+02:00");
    }

    @Test
    void extensionsAreDatesOrDurationsAfterTheClassDeadline() throws IOException {
        Path csv = dir.resolve("ext.csv");
        Files.writeString(csv, "submission,deadline\nalice,+2d\n\"bob\",2025-05-03T12:00\ncarol,+90m\n");
        Deadlines d = Deadlines.parse("2025-05-01T23:59", csv, PARIS);
        assertThat(d.of("alice")).hasToString("2025-05-03T23:59+02:00");
        assertThat(d.of("bob")).hasToString("2025-05-03T12:00+02:00");
        assertThat(d.of("carol")).hasToString("2025-05-02T01:29+02:00");
        assertThat(d.of("dave")).hasToString("2025-05-01T23:59+02:00");
    }

    @Test
    void aBadValueIsNamedWithItsFileAndLine() throws IOException {
        Path csv = dir.resolve("ext.csv");
        Files.writeString(csv, "alice,+2d\nbob,next tuesday\n");
        assertThatThrownBy(() -> Deadlines.parse("2025-05-01T23:59", csv, PARIS))
                .hasMessage("ext.csv:2: 'next tuesday' is not a date and time such as 2025-05-01T23:59 or"
                        + " 2025-05-01T23:59+02:00, nor an extension such as +2d, +36h or +90m");
        Files.writeString(csv, "alice,+2d\nalice,+3d\n");
        assertThatThrownBy(() -> Deadlines.parse("2025-05-01T23:59", csv, PARIS))
                .hasMessage("ext.csv:2: alice has a second extension");
        assertThatThrownBy(() -> Deadlines.parse("May 1st", null, PARIS)).hasMessageStartingWith("--deadline: 'May 1st'");
    }
}
