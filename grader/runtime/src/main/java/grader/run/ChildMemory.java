package grader.run;

import java.util.List;
import java.util.Locale;

/**
 * How much memory a test JVM gets, and how it is split between the Java heap and native memory (a homework's
 * native library may keep its arrays outside the heap). The whole child must fit in what the container has left
 * after the processes already in it (the grader's own JVM, Maven or the kit's tools), or the kernel kills it
 * mid-test and the student loses points a correct solution should earn. So the child's budget is
 *
 * <pre>
 *     total  = min(limit − used − reserve, CEILING)   the container's limit, what its processes use now, and
 *                                                       room for them to grow
 *     heap   = total / 4, within [64 MB, 2 GB]        -Xmx
 *     native = total − heap − JVM_OVERHEAD              native memory
 * </pre>
 *
 * The course says how its native library is bounded ({@code course.json}'s {@code testJvm.memoryOptions}, with
 * {total}, {native} and {heap} in bytes): a library that enforces such bounds on every allocation can collect and
 * retry near them, and throw an OutOfMemoryError that the grader reports as such, instead of the kernel killing
 * the JVM. On a large machine the ceiling keeps a runaway test from taking the whole machine.
 *
 * @param totalBytes  the most the child may hold in memory (maxphysicalbytes)
 * @param heapBytes   its Java heap (-Xmx)
 * @param nativeBytes native memory (what the course's options give its native library)
 * @param container   what the limit and usage were
 */
public record ChildMemory(long totalBytes, long heapBytes, long nativeBytes, ContainerMemory container) {
    static final long MB = 1L << 20;
    /** The most a child gets on a large machine (about the 2 GB heap and 4 GB of arrays it had before sizing). */
    static final long CEILING = 6 * 1024 * MB;
    /** Metaspace, code cache, thread stacks and native libraries (a child of this kit starts at about 110 MB). */
    static final long JVM_OVERHEAD = 160 * MB;
    /**
     * Room left in the container while a child runs: for the processes already there to grow, for the files
     * they read (page cache, charged to the container too), and for the child going past its plan (JavaCPP checks
     * its bound only when an array is made: in Gradescope's box a child planned at 442 MB peaked at 469 MB).
     * With 64 MB the box peaked at 734–746 MiB of its 768, with 160 MB at 613 MiB; this leaves more margin.
     */
    static final long RESERVE = 192 * MB;
    /** A grading JVM (GradeMain: discovery, supervision, results), as the batch grader starts one per job. */
    static final long GRADER_JVM = 128 * MB;
    /** Below this a child of this kit cannot load its native library and run a test; the grader warns first. */
    static final long MINIMUM = 320 * MB;

    /** The plan for the container this process runs in. */
    static ChildMemory plan() {
        return plan(ContainerMemory.detect());
    }

    /** The plan for a container, its limit and current use given. */
    static ChildMemory plan(ContainerMemory container) {
        long total = Math.min(container.limitBytes() - container.usedBytes() - RESERVE, CEILING);
        return split(Math.max(total, MINIMUM), container);
    }

    /**
     * The total each test JVM may use when {@code jobs} gradings run side by side in this container (the batch
     * grader), each beside its own grading JVM (about {@link #GRADER_JVM}): the rule of {@link #plan} shared out.
     */
    public static long share(int jobs) {
        ContainerMemory c = ContainerMemory.detect();
        long each = (c.limitBytes() - c.usedBytes()) / Math.max(1, jobs) - GRADER_JVM - RESERVE;
        return Math.max(MINIMUM, Math.min(each, CEILING));
    }

    /** A plan for a given total (the --memory option): the same split of heap and native memory. */
    static ChildMemory split(long totalBytes, ContainerMemory container) {
        if (totalBytes < MINIMUM) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a test JVM needs at least %d MB;"
                    + " %d MB is too little", MINIMUM / MB, totalBytes / MB));
        }
        long heap = Math.max(64 * MB, Math.min(2048 * MB, totalBytes / 4));
        long nativeBytes = totalBytes - heap - JVM_OVERHEAD;
        return new ChildMemory(totalBytes, heap, nativeBytes, container);
    }

    /** Whether the container leaves a child less than it needs (the plan then uses the minimum anyway). */
    boolean tooSmall() {
        return container.limitBytes() - container.usedBytes() - RESERVE < MINIMUM;
    }

    /** The child JVM's options: its heap, and the course's bounds of native memory. */
    List<String> jvmArgs(grader.course.Course course) {
        List<String> out = new java.util.ArrayList<>(List.of("-Xmx" + heapBytes / MB + "m"));
        out.addAll(course.memoryOptions(totalBytes, nativeBytes, heapBytes));
        return out;
    }

    /** One sentence for messages: what the child may use and why. */
    String describe() {
        return String.format(Locale.ROOT, "a test JVM may use %d MB (a %d MB Java heap, %d MB of native memory):"
                + " the container holds %d MB (%s), of which %d MB are in use (the grader and the tools that"
                + " started it)",
                totalBytes / MB, heapBytes / MB, nativeBytes / MB, container.limitBytes() / MB, container.source(),
                container.usedBytes() / MB);
    }

    /** What to tell a student whose test ran out of that memory. */
    String outOfMemoryAdvice() {
        return "; " + describe() + ". This test needed more than that: if your code keeps arrays it no longer"
                + " needs (a growing list, a cache that is never cleared), free them; if a correct solution needs"
                + " more, the autograder needs a larger box (Gradescope: a bigger container in the assignment's"
                + " settings)";
    }
}
