package grader.run;

import static grader.run.ChildMemory.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizing the test JVMs from the container's memory: the limit and usage read from fake cgroup (v1, v2) and
 * /proc files, and the split of what is left into heap and native memory.
 */
class ChildMemoryTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void meminfo() throws IOException {
        write("proc/meminfo", "MemTotal:       24576000 kB\nMemFree:        20000000 kB\n"
                + "MemAvailable:   22528000 kB\n");
    }

    /** The mounts of a machine with cgroup v2 only. */
    private void v2Mounts() throws IOException {
        write("proc/self/mountinfo", "22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
                + "30 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw,nsdelegate\n");
    }

    /** The mounts of a machine with cgroup v1 controllers (and an unused v2 hierarchy, as this one has). */
    private void v1Mounts() throws IOException {
        write("proc/self/mountinfo", "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
                + "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
                + "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
                + "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n");
    }

    @Test
    void cgroupV2ReadsMemoryMaxAndTheUsageWithoutPageCache() throws IOException {
        meminfo();
        v2Mounts();
        write("proc/self/cgroup", "0::/autograder\n");
        write("sys/fs/cgroup/memory.max", "max\n");
        write("sys/fs/cgroup/autograder/memory.max", "805306368\n");           // 768 MiB
        write("sys/fs/cgroup/autograder/memory.current", "314572800\n");       // 300 MiB, 100 of it cache
        write("sys/fs/cgroup/autograder/memory.stat", "anon 199229440\nfile 104857600\nkernel 5000\n");

        ContainerMemory c = ContainerMemory.detect(root);
        assertThat(c.limitBytes()).isEqualTo(768 * MB);
        assertThat(c.usedBytes()).isEqualTo(200 * MB);
        assertThat(c.source()).contains("cgroup v2");
    }

    @Test
    void cgroupV2TakesTheTightestLimitOfTheGroupAndItsParents() throws IOException {
        meminfo();
        v2Mounts();
        write("proc/self/cgroup", "0::/course/job\n");
        write("sys/fs/cgroup/course/memory.max", "536870912\n");               // 512 MiB above
        write("sys/fs/cgroup/course/memory.current", "104857600\n");
        write("sys/fs/cgroup/course/job/memory.max", "max\n");                 // none on the group itself

        ContainerMemory c = ContainerMemory.detect(root);
        assertThat(c.limitBytes()).isEqualTo(512 * MB);
        assertThat(c.usedBytes()).isEqualTo(100 * MB);
    }

    @Test
    void insideAContainerThePathIsTheHostsAndTheMountRootIsTheGroup() throws IOException {
        meminfo();
        // Docker without a cgroup namespace: /proc/self/cgroup names the host's path, which is the mount root.
        write("proc/self/mountinfo", "30 22 0:26 /docker/abc /sys/fs/cgroup ro,nosuid - cgroup2 cgroup2 rw\n");
        write("proc/self/cgroup", "0::/docker/abc\n");
        write("sys/fs/cgroup/memory.max", "805306368\n");

        assertThat(ContainerMemory.detect(root).limitBytes()).isEqualTo(768 * MB);
    }

    @Test
    void cgroupV1ReadsLimitInBytesAndSubtractsTheCache() throws IOException {
        meminfo();
        v1Mounts();
        write("proc/self/cgroup", "9:name=systemd:/\n4:memory:/gradescope-box-42\n1:cpu:/\n0::/\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n"); // no limit
        write("sys/fs/cgroup/memory/gradescope-box-42/memory.limit_in_bytes", "805306368\n");
        write("sys/fs/cgroup/memory/gradescope-box-42/memory.usage_in_bytes", "262144000\n"); // 250 MiB
        write("sys/fs/cgroup/memory/gradescope-box-42/memory.stat",
                "cache 52428800\nrss 209715200\ntotal_cache 52428800\ntotal_rss 209715200\n");

        ContainerMemory c = ContainerMemory.detect(root);
        assertThat(c.limitBytes()).isEqualTo(768 * MB);
        assertThat(c.usedBytes()).isEqualTo(200 * MB);
        assertThat(c.source()).contains("cgroup v1");
    }

    @Test
    void withoutALimitItIsTheMachinesMemory() throws IOException {
        meminfo();
        v1Mounts();
        write("proc/self/cgroup", "4:memory:/user.slice\n0::/\n");
        write("sys/fs/cgroup/memory/user.slice/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");

        ContainerMemory c = ContainerMemory.detect(root);
        assertThat(c.limitBytes()).isEqualTo(24576000L * 1024);
        assertThat(c.usedBytes()).isEqualTo((24576000L - 22528000L) * 1024);
        assertThat(c.source()).contains("machine");
    }

    @Test
    void noCgroupFilesAtAllIsTheMachineToo() throws IOException {
        meminfo();
        assertThat(ContainerMemory.detect(root).source()).contains("machine");
    }

    @Test
    void gradescopesBoxLeavesTheChildWhatTheGraderDoesNotUse() {
        ChildMemory plan = ChildMemory.plan(new ContainerMemory(768 * MB, 200 * MB, "cgroup v2 memory.max"));
        assertThat(plan.totalBytes()).isEqualTo(768 * MB - 200 * MB - ChildMemory.RESERVE);
        assertThat(plan.heapBytes() + plan.nativeBytes() + ChildMemory.JVM_OVERHEAD).isEqualTo(plan.totalBytes());
        assertThat(plan.heapBytes()).isBetween(64 * MB, plan.totalBytes() / 3);
        assertThat(plan.nativeBytes()).isGreaterThan(plan.heapBytes());
        assertThat(plan.tooSmall()).isFalse();
        assertThat(plan.jvmArgs(grader.course.Course.defaults())).containsExactly("-Xmx" + plan.heapBytes() / MB + "m");
        // The course names how its native library is bounded; the grader fills in the budget.
        grader.course.Course course = new grader.course.Course("c", java.util.Map.of(), false, "k", List.of(),
                List.of("-Dlib.maxbytes={native}", "-Dlib.maxphysicalbytes={total}", "-Dheap={heap}"),
                java.util.Map.of(), null, List.of());
        assertThat(plan.jvmArgs(course)).containsExactly("-Xmx" + plan.heapBytes() / MB + "m",
                "-Dlib.maxbytes=" + plan.nativeBytes(), "-Dlib.maxphysicalbytes=" + plan.totalBytes(),
                "-Dheap=" + plan.heapBytes());
        assertThat(plan.describe()).contains("768 MB").contains("200 MB are in use").contains("cgroup v2");
    }

    @Test
    void aLargeMachineIsCappedAtTheCeiling() {
        ChildMemory plan = ChildMemory.plan(new ContainerMemory(64L * 1024 * MB, 4L * 1024 * MB, "machine"));
        assertThat(plan.totalBytes()).isEqualTo(ChildMemory.CEILING);
        assertThat(plan.heapBytes()).isLessThanOrEqualTo(2048 * MB);
    }

    @Test
    void aBoxTooSmallIsFlaggedAndGetsTheMinimum() {
        ChildMemory plan = ChildMemory.plan(new ContainerMemory(384 * MB, 200 * MB, "cgroup v1"));
        assertThat(plan.tooSmall()).isTrue();
        assertThat(plan.totalBytes()).isEqualTo(ChildMemory.MINIMUM);
        assertThat(plan.outOfMemoryAdvice()).contains("384 MB").contains("needed more");
    }

    @Test
    void anExplicitTotalBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> ChildMemory.split(100 * MB, new ContainerMemory(768 * MB, 0, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least");
    }

    @Test
    void sizesOnTheCommandLine() {
        assertThat(GradeCommand.size("--memory", "512m")).isEqualTo(512 * MB);
        assertThat(GradeCommand.size("--memory", "1G")).isEqualTo(1024 * MB);
        assertThat(GradeCommand.size("--memory", "768MiB")).isEqualTo(768 * MB);
        assertThat(GradeCommand.size("--memory", "1048576")).isEqualTo(MB);
        assertThatThrownBy(() -> GradeCommand.size("--memory", "lots")).hasMessageContaining("--memory");
        assertThatThrownBy(() -> GradeCommand.parse(new String[] {"--tests", root.toString(), "--memory", "100m"}))
                .hasMessageContaining("--memory 100 MB is too little");
    }
}
