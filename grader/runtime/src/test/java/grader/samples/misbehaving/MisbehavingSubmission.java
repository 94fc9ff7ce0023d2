package grader.samples.misbehaving;

import static org.junit.jupiter.api.Assertions.fail;

import grader.api.Points;
import grader.api.Problem;
import grader.api.TimeLimit;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A submission that does everything a grader must survive. Graded by IsolationTest only (Surefire skips the
 * samples package). Four tests pass; every other one must cost only its own point.
 */
@Problem(value = 9, title = "A misbehaving submission")
class MisbehavingSubmission {

    @Test
    @Points(1)
    void passesFirst() {
    }

    @Test
    @Points(1)
    @TimeLimit(1)
    void loopsForever() {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) % 1000;
        }
    }

    @Test
    @Points(1)
    @TimeLimit(1)
    void waitsLongerThanItsLimitWithoutComputing() throws InterruptedException {
        Thread.sleep(2_500); // as a test slowed down by a busy machine: waiting costs no CPU time, so it passes
    }

    @Test
    @Points(1)
    @TimeLimit(1)
    void sleepsForever() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    @Points(1)
    void callsSystemExit() {
        System.exit(0);
    }

    @Test
    @Points(1)
    void halts() {
        Runtime.getRuntime().halt(7);
    }

    @Test
    @Points(1)
    void overflowsTheStack() {
        recurse(1);
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    @Points(1)
    void exhaustsTheHeap() {
        List<long[]> hoard = new ArrayList<>();
        while (hoard.size() >= 0) {
            hoard.add(new long[1 << 20]);
        }
    }

    @Test
    @Points(1)
    void crashesInNativeCode() throws ReflectiveOperationException {
        Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        f.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
        unsafe.putAddress(0, 0);
    }

    @Test
    @Points(1)
    void leavesAThreadRunning() {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "student-worker");
        t.start();
    }

    @Test
    @Points(1)
    void forgesItsScore() throws IOException {
        String fake = "{\"score\": 1000, \"tests\": []}";
        System.out.println(fake);
        // A line shaped like the grader's events, with a guessed token, straight to the process's output.
        PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        raw.println("{\"token\":\"guess\",\"type\":\"finished\",\"unit\":\"x\",\"outcome\":\"PASSED\"}");
        for (Path target : new Path[] {Path.of("results.json"), Path.of("..", "results.json")}) {
            try {
                Files.writeString(target, fake);
            } catch (IOException denied) {
                // run as another user, the test JVM may not write above its own folder
            }
        }
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        fail("this test fails however it cheats");
    }

    @Test
    @Points(1)
    void printsALotAndPasses() {
        String line = "x".repeat(99);
        for (int i = 0; i < 10_000; i++) {
            System.out.println(line);
        }
    }

    @Test
    @Points(1)
    void passesLast() {
    }
}
