package grader.samples.scoring;

/** Stands in for a method of a generated skeleton: its body is the TODO that SkeletonGenerator writes. */
public final class SkeletonStub {
    private SkeletonStub() {
    }

    public static double forward() {
        // TODO Problem 3.1 (SkeletonStub.forward): your code here.
        throw new UnsupportedOperationException("not implemented yet: Problem 3.1 (SkeletonStub.forward)");
    }
}
