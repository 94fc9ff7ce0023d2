package grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * How much memory this process's container may use, and how much of it is taken already, read from the
 * kernel's files: the memory cgroup this process is in (cgroup v2 {@code memory.max}, or v1
 * {@code memory.limit_in_bytes}, the tightest of its group and the groups above it), else the machine's memory
 * ({@code /proc/meminfo}). Gradescope's default autograder container is such a cgroup (768 MB).
 *
 * <p>All files are read below a root folder ({@code /} on a real machine), so tests can build a fake one.
 *
 * @param limitBytes what the container (or machine) holds
 * @param usedBytes  what its processes use now, without the page cache (which the kernel gives back on demand)
 * @param source     where the limit came from, for messages: "cgroup v2 memory.max", …
 */
record ContainerMemory(long limitBytes, long usedBytes, String source) {
    /** cgroup v1 writes a number near 2^63 (rounded down to a page) for "no limit". */
    private static final long V1_UNLIMITED = 1L << 62;

    /** The container this process runs in. */
    static ContainerMemory detect() {
        return detect(Path.of("/"));
    }

    /** The container described by the files below {@code root} (proc/self/…, sys/fs/cgroup/…). */
    static ContainerMemory detect(Path root) {
        List<Mount> mounts = mounts(root);
        List<String> groups = lines(root.resolve("proc/self/cgroup"));
        ContainerMemory best = null;
        for (String line : groups) {
            // "hierarchy-id:controllers:path"; v2 has id 0 and no controllers.
            String[] f = line.split(":", 3);
            if (f.length != 3) {
                continue;
            }
            boolean v2 = f[0].equals("0") && f[1].isEmpty();
            if (!v2 && !List.of(f[1].split(",")).contains("memory")) {
                continue;
            }
            for (Mount m : mounts) {
                if (m.v2() == v2 && (v2 || m.options().contains("memory"))) {
                    ContainerMemory found = tightest(root, m, f[2], v2);
                    if (found != null && (best == null || found.limitBytes < best.limitBytes)) {
                        best = found;
                    }
                }
            }
        }
        return best != null ? best : machine(root);
    }

    /** The group's limit or that of a group above it, whichever is smaller, with the usage of that group. */
    private static ContainerMemory tightest(Path root, Mount mount, String groupPath, boolean v2) {
        // In a container the mount's root is the container's own group: the path is relative to it.
        String relative = groupPath.startsWith(mount.root()) ? groupPath.substring(mount.root().length()) : "";
        Path top = root.resolve(mount.point().substring(1));
        Path group = top.resolve(relative.replaceFirst("^/+", ""));
        if (!Files.isDirectory(group)) {
            group = top; // the path is the host's view of a group we cannot see: use the mount's root
        }
        ContainerMemory best = null;
        for (Path g = group; g != null && g.startsWith(top); g = g.getParent()) {
            OptionalLong limit = number(g.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"));
            if (limit.isEmpty() || limit.getAsLong() >= V1_UNLIMITED) {
                continue;
            }
            if (best == null || limit.getAsLong() < best.limitBytes) {
                best = new ContainerMemory(limit.getAsLong(), used(g, v2), v2 ? "cgroup v2 memory.max"
                        : "cgroup v1 memory.limit_in_bytes");
            }
        }
        return best;
    }

    /** The group's memory use without its page cache. */
    private static long used(Path group, boolean v2) {
        long usage = number(group.resolve(v2 ? "memory.current" : "memory.usage_in_bytes")).orElse(0);
        long cache = 0;
        for (String line : lines(group.resolve("memory.stat"))) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[0].equals(v2 ? "file" : "total_cache")) {
                cache = parse(kv[1]).orElse(0);
            } else if (kv.length == 2 && !v2 && kv[0].equals("cache") && cache == 0) {
                cache = parse(kv[1]).orElse(0);
            }
        }
        return Math.max(0, usage - cache);
    }

    /** No memory cgroup with a limit: the machine's total memory, and what is not available of it. */
    private static ContainerMemory machine(Path root) {
        long total = 0, available = -1;
        for (String line : lines(root.resolve("proc/meminfo"))) {
            String[] kv = line.split(":\\s*");
            if (kv.length == 2 && kv[0].equals("MemTotal")) {
                total = kibibytes(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("MemAvailable")) {
                available = kibibytes(kv[1]);
            }
        }
        if (total > 0) {
            return new ContainerMemory(total, available >= 0 ? Math.max(0, total - available) : 0,
                    "the machine's memory (no container limit)");
        }
        // No /proc (not Linux): what the JVM knows of the machine.
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return new ContainerMemory(jvm, 0, "the machine's memory, as Java reports it");
    }

    private static long kibibytes(String value) {
        String digits = value.trim().toLowerCase(Locale.ROOT).replace("kb", "").trim();
        return parse(digits).orElse(0) * 1024;
    }

    /** A mount of a cgroup file system: where it is, which group is its root, v1 options (controllers). */
    private record Mount(String root, String point, boolean v2, List<String> options) {
    }

    private static List<Mount> mounts(Path root) {
        List<Mount> out = new ArrayList<>();
        for (String line : lines(root.resolve("proc/self/mountinfo"))) {
            // "id parent major:minor root mount-point options [optional…] - fstype source super-options"
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] left = line.substring(0, dash).split(" ");
            String[] right = line.substring(dash + 3).split(" ");
            if (left.length < 5 || right.length < 1) {
                continue;
            }
            boolean v2 = right[0].equals("cgroup2");
            if (v2 || right[0].equals("cgroup")) {
                out.add(new Mount(unescape(left[3]), unescape(left[4]), v2,
                        right.length > 2 ? List.of(right[2].split(",")) : List.of()));
            }
        }
        return out;
    }

    /** mountinfo writes a space in a path as \040. */
    private static String unescape(String path) {
        return path.replace("\\040", " ");
    }

    private static OptionalLong number(Path file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? OptionalLong.empty() : parse(lines.get(0).trim());
    }

    /** A whole number, or empty for "max" (v2's "no limit") and anything unreadable. */
    private static OptionalLong parse(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isReadable(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a file we cannot read tells us nothing; the next source decides
        }
    }
}
