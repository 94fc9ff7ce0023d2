package grader.authoring.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of grader/kit mutation that need no PIT run: the regions, PIT's report, the equivalents' file and the
 * table. (A PIT run itself is grader/kit mutation --only 6.1, a minute.)
 */
class MutationReportTest {
    @TempDir
    Path dir;

    private static final List<String> ADAM = List.of(
            "package hw.optim;",
            "class Adam {",
            "    void step() {",
            "        // BEGIN SOLUTION Problem 6.1 (Adam.step)",
            "        long t = nextStep();",
            "        u.muli(beta).addi(g.mul(1 - beta));",
            "        // END SOLUTION",
            "    }",
            "    double beta() { return beta; }",
            "}");

    @Test
    void regionsAreTheLinesBetweenTheMarkers() {
        List<SolutionRegions.Region> regions = SolutionRegions.scan("hw/optim/Adam.java", ADAM);
        assertThat(regions).containsExactly(new SolutionRegions.Region("hw/optim/Adam.java", "6.1", "Adam.step", 5, 6));
        assertThat(regions.get(0).className()).isEqualTo("hw.optim.Adam");
        assertThat(regions.get(0).holds("hw/optim/Adam.java", 6)).isTrue();
        assertThat(regions.get(0).holds("hw/optim/Adam.java", 9)).as("provided code").isFalse();
        assertThat(regions.get(0).holds("hw/optim/AdamW.java", 6)).isFalse();
    }

    @Test
    void theFilterFileRoundTrips() throws IOException {
        List<SolutionRegions.Region> regions = SolutionRegions.scan("hw/optim/Adam.java", ADAM);
        Path f = dir.resolve("regions.txt");
        SolutionRegions.writeFilter(regions, f);
        assertThat(SolutionRegions.readFilter(f)).singleElement()
                .satisfies(r -> assertThat(r.holds("hw/optim/Adam.java", 5)).isTrue())
                .satisfies(r -> assertThat(r.holds("hw/optim/Adam.java", 7)).isFalse());
    }

    @Test
    void onlySelectsAProblemOrATodoAndNamesTheTodosWhenNothingMatches() {
        List<SolutionRegions.Region> all = List.of(new SolutionRegions.Region("a/B.java", "6.10", "B.x", 1, 2),
                new SolutionRegions.Region("a/B.java", "6.2", "B.y", 3, 4),
                new SolutionRegions.Region("a/C.java", "16.1", "C.z", 1, 2));
        assertThat(MutationTesting.byTodo(all, null).keySet()).containsExactly("6.2", "6.10", "16.1");
        assertThat(MutationTesting.byTodo(all, "6").keySet()).containsExactly("6.2", "6.10");
        assertThat(MutationTesting.byTodo(all, "6.2").keySet()).containsExactly("6.2");
        assertThatThrownBy(() -> MutationTesting.byTodo(all, "6.3")).hasMessageContaining("no solution region of 6.3")
                .hasMessageContaining("the TODOs are 6.2 6.10 16.1");
    }

    private Path report() throws IOException {
        Path sources = dir.resolve("src/hw/optim");
        Files.createDirectories(sources);
        Files.write(sources.resolve("Adam.java"), ADAM);
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <mutations partial="true">
                <mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>Adam.java</sourceFile>\
                <mutatedClass>hw.optim.Adam</mutatedClass><mutatedMethod>step</mutatedMethod>\
                <methodDescription>()V</methodDescription><lineNumber>6</lineNumber>\
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator>\
                <killingTest>[engine:jqwik]/[class:hw.optim.AdamTest]/[property:defaults()]</killingTest>\
                <description>Replaced double subtraction with addition</description></mutation>
                <mutation detected='false' status='SURVIVED' numberOfTestsRun='3'><sourceFile>Adam.java</sourceFile>\
                <mutatedClass>hw.optim.Adam$Inner</mutatedClass><mutatedMethod>lambda$step$3</mutatedMethod>\
                <methodDescription>()V</methodDescription><lineNumber>6</lineNumber>\
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.experimental.NakedReceiverMutator</mutator>\
                <killingTest/><description>replaced call to addi with receiver</description></mutation>
                <mutation detected='false' status='NO_COVERAGE' numberOfTestsRun='0'><sourceFile>Adam.java</sourceFile>\
                <mutatedClass>hw.optim.Adam</mutatedClass><mutatedMethod>step</mutatedMethod>\
                <methodDescription>()V</methodDescription><lineNumber>5</lineNumber>\
                <mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator>\
                <killingTest/><description>Replaced long addition with subtraction</description></mutation>
                </mutations>
                """);
        return xml;
    }

    @Test
    void pitsReportIsReadWithTheChangedCode() throws IOException {
        List<Mutant> mutants = Mutant.read(report(), dir.resolve("src"));
        assertThat(mutants).hasSize(3);
        Mutant killed = mutants.get(0);
        assertThat(killed.file()).isEqualTo("hw/optim/Adam.java");
        assertThat(killed.code()).isEqualTo("u.muli(beta).addi(g.mul(1 - beta));");
        assertThat(killed.mutator()).isEqualTo("MathMutator");
        assertThat(killed.killed()).isTrue();
        Mutant survivor = mutants.get(1);
        assertThat(survivor.method()).as("a lambda, by the method that holds it").isEqualTo("step (lambda)");
        assertThat(survivor.file()).as("a nested class's file is its top-level class's").isEqualTo("hw/optim/Adam.java");
        assertThat(survivor.killed()).isFalse();
        assertThat(mutants.get(2).killed()).as("no coverage is no kill").isFalse();
    }

    @Test
    void anEquivalentIsRecognisedByItsCodeNotItsLineNumber() throws IOException {
        Mutant survivor = Mutant.read(report(), dir.resolve("src")).get(1);
        EquivalentMutants file = EquivalentMutants.parse("equivalent-mutants.txt", List.of(
                "# why these survive",
                "",
                "mutant: hw/optim/Adam.java | step (lambda) | NakedReceiverMutator | replaced call to addi with receiver"
                        + " |   u.muli(beta).addi(g.mul(1  - beta));",
                "why: an example"));
        assertThat(file.explaining(survivor)).map(EquivalentMutants.Entry::why).contains("an example");
        Mutant moved = new Mutant(survivor.file(), survivor.method(), survivor.mutator(), survivor.description(), 60,
                survivor.code(), survivor.status(), "", 1, 1);
        assertThat(file.explaining(moved)).as("the same mutant on another line").isPresent();
        Mutant otherCode = new Mutant(survivor.file(), survivor.method(), survivor.mutator(), survivor.description(), 6,
                "v.muli(gamma);", survivor.status(), "", 1, 1);
        assertThat(file.explaining(otherCode)).isEmpty();
        assertThat(EquivalentMutants.parse("x", EquivalentMutants.template(survivor).replace("?", "because").lines()
                .toList()).explaining(survivor)).as("the printed template parses back").isPresent();
    }

    @Test
    void twinsOnOneLineAreToldApartByTheirPlaceInTheBytecode() throws IOException {
        Path xml = dir.resolve("twins.xml");
        String twin = "<mutation detected='%s' status='%s' numberOfTestsRun='1'><sourceFile>Adam.java</sourceFile>"
                + "<mutatedClass>hw.optim.Adam</mutatedClass><mutatedMethod>step</mutatedMethod>"
                + "<lineNumber>6</lineNumber><mutator>x.NakedReceiverMutator</mutator><indexes><index>%d</index>"
                + "</indexes><killingTest/><description>replaced call to addi with receiver</description></mutation>";
        Files.writeString(xml, "<mutations>" + String.format(twin, "false", "SURVIVED", 12)
                + String.format(twin, "true", "KILLED", 9) + "</mutations>");
        Files.createDirectories(dir.resolve("src/hw/optim"));
        Files.write(dir.resolve("src/hw/optim/Adam.java"), ADAM);
        List<Mutant> twins = Mutant.read(xml, dir.resolve("src"));
        assertThat(twins).extracting(Mutant::status, Mutant::occurrence, Mutant::twins)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SURVIVED", 2, 2),
                        org.assertj.core.groups.Tuple.tuple("KILLED", 1, 2));
        String entry = EquivalentMutants.template(twins.get(0));
        assertThat(entry).contains("| replaced call to addi with receiver #2 |");
        EquivalentMutants file = EquivalentMutants.parse("x", entry.replace("?", "because").lines().toList());
        assertThat(file.explaining(twins.get(0))).isPresent();
        assertThat(file.explaining(twins.get(1))).as("its killed twin").isEmpty();
    }

    @Test
    void aBrokenEquivalentsFileIsAOneLineErrorNamingTheLine() {
        assertThatThrownBy(() -> EquivalentMutants.parse("eq.txt", List.of("mutant: a | b | c | d | e")))
                .hasMessage("eq.txt:1: a mutant without a 'why:' line");
        assertThatThrownBy(() -> EquivalentMutants.parse("eq.txt", List.of("mutant: a | b")))
                .hasMessageContaining("eq.txt:1: expected 'mutant: file | method | mutator | description | code'");
        assertThatThrownBy(() -> EquivalentMutants.parse("eq.txt", List.of("mutant: a | b | c | d | e", "why:")))
                .hasMessage("eq.txt:2: 'why:' needs a reason");
        assertThatThrownBy(() -> EquivalentMutants.parse("eq.txt", List.of("because")))
                .hasMessageContaining("eq.txt:1: expected 'mutant: …' or 'why: …'");
    }

    @Test
    void theTableCountsPerTodoAndProblemAndFlagsAProblemBelowTheTarget() throws IOException {
        List<Mutant> mutants = Mutant.read(report(), dir.resolve("src"));
        MutationTesting.Row row = new MutationTesting.Row("6.1", "Adam.step", mutants, List.of(mutants.get(1)),
                List.of(mutants.get(2)), null, 12);
        String table = MutationTesting.table(List.of(row), 95);
        assertThat(table).containsPattern("6\\.1 +Adam\\.step +3 +1 +1 +1 +50\\.0 % +12 s")
                .containsPattern("Problem 6 +BELOW 95 % +3 +1 +1 +1 +50\\.0 %");
        assertThat(MutationTesting.problems(List.of(row)).get(6).share()).isEqualTo(50.0);
    }
}
