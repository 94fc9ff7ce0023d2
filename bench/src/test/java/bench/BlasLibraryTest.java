package bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasLibraryTest {
    private static final BlasLibrary.SystemOpenBlas NEWER =
            new BlasLibrary.SystemOpenBlas(Path.of("/opt/blas/libopenblasp-r0.3.21.so"), "0.3.21");

    @Test
    void versionsComeFromThePthreadAndSerialFileNamesOnly() {
        assertThat(BlasLibrary.version("libopenblasp-r0.3.21.so")).isEqualTo("0.3.21");
        assertThat(BlasLibrary.version("libopenblas-r0.3.26.so")).isEqualTo("0.3.26");
        assertThat(BlasLibrary.version("libopenblaso-r0.3.21.so")).as("the OpenMP build is left alone").isNull();
        assertThat(BlasLibrary.version("libopenblas.so.0")).as("no version in the name").isNull();
        assertThat(BlasLibrary.newer("0.3.21", "0.3.19")).isTrue();
        assertThat(BlasLibrary.newer("0.3.19", "0.3.19")).isFalse();
        assertThat(BlasLibrary.newer("0.3.9", "0.3.19")).isFalse();
        assertThat(BlasLibrary.newer("0.4", "0.3.19")).isTrue();
    }

    @Test
    void aNewerSystemLibraryIsChosenUnlessTheUserSaidOtherwise() {
        assertThat(BlasLibrary.choose(null, null, NEWER)).isEqualTo(NEWER);
        assertThat(BlasLibrary.choose("bundled", null, NEWER)).as("GPT_KIT_OPENBLAS=bundled").isNull();
        assertThat(BlasLibrary.choose(null, "mkl_rt", NEWER)).as("the user's own JavaCPP choice").isNull();
        assertThat(BlasLibrary.choose(null, null, null)).as("none on this machine").isNull();
        var same = new BlasLibrary.SystemOpenBlas(Path.of("/opt/blas/libopenblasp-r0.3.19.so"), "0.3.19");
        assertThat(BlasLibrary.choose(null, null, same)).as("not newer than ND4J's").isNull();
    }

    @Test
    void theChoiceIsPassedToJavaCppThroughItsProperties() {
        Map<String, String> p = BlasLibrary.properties(NEWER);
        assertThat(p).containsEntry("org.bytedeco.openblas.load", "openblas")
                .containsEntry("org.bytedeco.javacpp.pathsFirst", "true");
        assertThat(p.get("java.library.path")).startsWith(Path.of("/opt/blas").toString());
        assertThat(BlasLibrary.jvmOptions(NEWER)).contains("-Dorg.bytedeco.openblas.load=openblas");
        assertThat(BlasLibrary.jvmOptions(null)).as("ND4J's own: nothing to pass").isEmpty();
        assertThat(BlasLibrary.describe(NEWER)).contains("0.3.21", "the system's");
    }

    @Test
    void ldconfigsListingGivesTheLibraryOfThisJvmsWordSize() {
        String listing = """
                1234 libs found in cache `/etc/ld.so.cache'
                \tlibopenblas.so.0 (libc6) => /opt/blas/lib32/libopenblas.so.0
                \tlibopenblas.so.0 (libc6,x86-64) => /opt/blas/lib64/libopenblas.so.0
                \tlibopenblas.so (libc6,x86-64) => /opt/blas/lib64/libopenblas.so
                """;
        assumeTrue(System.getProperty("os.arch").contains("64"), "a 64-bit JVM");
        assertThat(BlasLibrary.listedOpenBlas(listing)).isEqualTo(Path.of("/opt/blas/lib64/libopenblas.so.0"));
        assertThat(BlasLibrary.listedOpenBlas("0 libs found\n")).isNull();
    }

    @Test
    void theRealFileBehindTheLinksGivesTheVersion(@TempDir Path dir) throws Exception {
        Path real = Files.createFile(dir.resolve("libopenblasp-r0.3.21.so"));
        Path link = Files.createSymbolicLink(dir.resolve("libopenblas.so.0"), real.getFileName());
        BlasLibrary.SystemOpenBlas found = BlasLibrary.inspect(link);
        assertThat(found).isNotNull();
        assertThat(found.version()).isEqualTo("0.3.21");
        assertThat(found.file()).isEqualTo(real.toRealPath());
        assertThat(BlasLibrary.inspect(dir.resolve("missing.so.0"))).isNull();
    }

    /**
     * With the choice's properties, every OpenBLAS a child JVM maps is the system's: its file, or a byte-identical
     * copy in JavaCPP's cache. Which of the two JavaCPP maps depends on the system folder's files: with Debian's
     * libopenblas0-pthread alone it loads the file itself; once the -dev package adds libopenblas.so there (Jupyter
     * Notebook pulls it in) it loads its cached copy, so comparing paths alone failed on such machines.
     */
    @Test
    void withTheChoiceNd4jMultipliesWithTheSystemLibrary() throws Exception {
        BlasLibrary.SystemOpenBlas found = BlasLibrary.choose(null, null, BlasLibrary.findWithLdconfig());
        assumeTrue(found != null, "this machine has no OpenBLAS newer than ND4J's (Debian: libopenblas0-pthread)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(BlasLibrary.jvmOptions(found));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MappedLibraries.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<Path> mapped = out.lines().filter(l -> l.startsWith("/")).map(Path::of).distinct().toList();
        assertThat(mapped).as("the OpenBLAS files the child mapped:%n%s", out).isNotEmpty();
        for (Path file : mapped) {
            assertThat(file.equals(found.file()) || Files.mismatch(file, found.file()) == -1)
                    .as("%s is %s or a copy of it (the child mapped: %s)", file, found.file(), mapped).isTrue();
        }
    }

    /** Multiplies two matrices with ND4J and prints the OpenBLAS libraries (not JavaCPP's wrappers) it mapped. */
    static final class MappedLibraries {
        public static void main(String[] args) throws Exception {
            var a = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 8);
            org.nd4j.linalg.factory.Nd4j.gemm(a, a, false, false);
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && Path.of(line.substring(slash)).getFileName().toString().startsWith("libopenblas")) {
                    System.out.println(line.substring(slash));
                }
            }
        }
    }
}
