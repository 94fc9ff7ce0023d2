package grader.io;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the child JVMs that run a submission's code (tests, notebook cells) work, and as whom. When the grader
 * runs as root (Gradescope does) and the unprivileged user {@value #USER} exists (the kit's Gradescope
 * {@code setup.sh} creates it), each child runs as that user, in a folder of its own, and reads only what this
 * sandbox hands it: any class path entry that user cannot reach (the kit's classes in {@code /autograder/source},
 * the submission compiled into the results folder, Maven's jars in root's home) is linked or copied here first.
 * The source tree itself — answer keys, the notebooks' checks, hidden test sources — is never handed over.
 * Otherwise (not root, or no such user) nothing changes: the child runs as the grader does, where the grader puts
 * it, and only the grader's own file permissions stand between it and the rest.
 */
public final class ChildSandbox implements AutoCloseable {
    /** The user a submission's code runs as on Gradescope; {@code -Dgrader.child.user=NAME} names another. */
    public static final String USER = "grader-student";
    private static final String MARK = "GRADER_SANDBOX";

    private final Path fallback;
    private final Account account; // null when inactive
    private final Path base;
    private final Path shared;
    private final Path copies;
    private final Path home;
    private final Map<Path, Path> handed = new LinkedHashMap<>();

    /** A user's entry in the password file, and how to become it. */
    private record Account(String name, int uid, int gid, Path home, String setpriv) {
    }

    private ChildSandbox(Path fallback, Account account) throws IOException {
        this.fallback = fallback;
        this.account = account;
        if (account == null) {
            base = shared = copies = home = null;
            return;
        }
        base = Files.createTempDirectory("grader-child-");
        // The user may pass through the sandbox, read what is handed over, and write only in its own folder.
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
        shared = Files.createDirectory(base.resolve("shared"));
        copies = Files.createDirectory(base.resolve("classpath"));
        for (Path p : List.of(shared, copies)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        home = Files.createDirectory(base.resolve("work"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(home, "unix:uid", account.uid());
        Files.setAttribute(home, "unix:gid", account.gid());
    }

    /**
     * A sandbox for one grading phase: the unprivileged user's when this process is root and that user exists,
     * else an inactive one under which {@code fallback} is where files for the children go, as before.
     */
    public static ChildSandbox open(Path fallback) {
        try {
            return new ChildSandbox(fallback, account());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the test JVMs' folder: " + e.getMessage(), e);
        }
    }

    /** Whether the children run as the unprivileged user. */
    public boolean active() {
        return account != null;
    }

    /** One line for the logs: as whom and where the children run. */
    public String describe() {
        return active() ? "the children run as " + account.name() + " (uid " + account.uid() + ") in " + home
                : "the children run as this process's user (" + System.getProperty("user.name") + "): "
                        + (isRoot() ? "user " + userName() + " does not exist" : "not root, so no other user");
    }

    /** A path the child can read standing for {@code p}: itself when the user reaches it, else a link or copy. */
    public synchronized Path visible(Path p) {
        Path path = p.toAbsolutePath().normalize();
        if (!active() || !Files.exists(path) || readable(path, account)) {
            return path;
        }
        Path known = handed.get(path);
        if (known != null) {
            return known;
        }
        Path copy = copies.resolve(handed.size() + "-" + path.getFileName());
        try {
            if (Files.isDirectory(path)) {
                copyTree(path, copy);
            } else {
                handOver(path, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + path + " to the test JVM: " + e.getMessage(), e);
        }
        handed.put(path, copy);
        return copy;
    }

    /** The class path {@code classpath} with each entry made {@link #visible}. */
    public String classpath(String classpath) {
        return Stream.of(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> visible(Paths.get(s)).toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Where the grader writes a file for a child to read: the sandbox's shared folder, else {@code fallback}. Pass
     * the written file through {@link #visible} too: under a strict umask it is copied readable.
     */
    public Path shared(String name) {
        return (active() ? shared : fallback).resolve(name);
    }

    /** The child's working folder, which only it may write: its own, else {@code usual}. */
    public Path directory(Path usual) {
        return active() ? home : usual;
    }

    /**
     * The command that runs {@code java} (its first word the java launcher) as the unprivileged user, with its
     * home for the native libraries' cache; unchanged when inactive. The process keeps its id through the execs.
     */
    public List<String> command(List<String> java) {
        if (!active()) {
            return java;
        }
        Path userHome = Files.isDirectory(account.home()) && owner(account.home()) == account.uid() ? account.home()
                : home;
        List<String> cmd = new ArrayList<>(List.of(account.setpriv(), "--reuid=" + account.uid(),
                "--regid=" + account.gid(), "--clear-groups", "--no-new-privs", "--", "/usr/bin/env",
                "HOME=" + userHome, "USER=" + account.name(), "LOGNAME=" + account.name(), MARK + "=" + base));
        cmd.add(java.get(0));
        cmd.add("-Duser.home=" + userHome);
        cmd.addAll(java.subList(1, java.size()));
        return cmd;
    }

    /** Stops whatever the children left running in this sandbox, and removes it. */
    @Override
    public void close() {
        if (!active()) {
            return;
        }
        String mark = MARK + "=" + base;
        ProcessHandle.allProcesses().filter(p -> p.info().user().map(account.name()::equals).orElse(false))
                .filter(p -> environment(p.pid()).contains(mark)).forEach(ProcessHandle::destroyForcibly);
        try {
            FileOps.deleteTree(base);
        } catch (UncheckedIOException e) {
            // a leftover temporary folder; the container goes away with it
        }
    }

    private static String environment(long pid) {
        try {
            return new String(Files.readAllBytes(Paths.get("/proc", String.valueOf(pid), "environ")),
                    StandardCharsets.UTF_8).replace('\0', '\n');
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String userName() {
        return System.getProperty("grader.child.user", USER);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Paths.get("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The unprivileged user, when this process may become it; else null. */
    private static Account account() {
        if (!isRoot()) {
            return null;
        }
        Optional<String> setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")
                .filter(s -> Files.isExecutable(Paths.get(s))).findFirst();
        Path passwd = Paths.get("/etc/passwd");
        if (setpriv.isEmpty() || !Files.isReadable(passwd)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(passwd)) {
            return lines.map(l -> l.split(":", -1)).filter(f -> f.length >= 7 && f[0].equals(userName()))
                    .filter(f -> !f[2].equals("0")).findFirst()
                    .map(f -> new Account(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Paths.get(f[5]),
                            setpriv.get()))
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code account} can read {@code path}: every folder above it searchable, itself readable. */
    static boolean readable(Path path, Account account) {
        try {
            Path real = path.toRealPath();
            for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
                if (!allows(dir, account, 1)) {
                    return false;
                }
            }
            return allows(real, account, Files.isDirectory(real) ? 5 : 4);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the permission bits ({@code want}: 4 read, 1 search) of {@code p} grant them to {@code account}. */
    private static boolean allows(Path p, Account account, int want) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid");
        int mode = (Integer) a.get("mode");
        int shift = (Integer) a.get("uid") == account.uid() ? 6 : (Integer) a.get("gid") == account.gid() ? 3 : 0;
        return ((mode >> shift) & want) == want;
    }

    private static int owner(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid");
        } catch (IOException e) {
            return -1;
        }
    }

    /** A file for the child: a hard link when the file itself is world-readable (a jar), else a readable copy. */
    private static void handOver(Path file, Path to) throws IOException {
        int mode = (Integer) Files.getAttribute(file, "unix:mode");
        if ((mode & 4) != 0) {
            try {
                Files.createLink(to, file);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system: copy instead
            }
        }
        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    try {
                        Files.createDirectory(target);
                    } catch (FileAlreadyExistsException e) {
                        // the top folder, made by an earlier walk
                    }
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (Files.isRegularFile(f)) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }
}
