package hw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hw.data.Batch;
import hw.model.GPT;
import hw.model.GPTConfig;
import hw.nn.Module;
import hw.optim.AdamW;
import hw.optim.Optimizer;
import hw.optim.ParamGroup;
import hw.optim.ParamGroups;
import hw.optim.SGD;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The provided trainer: exact resume from a checkpoint, loss curves on disk, progress output, clear errors. */
class TrainerTest {
    private static final int VOCAB = 11, BLOCK = 8, BATCH = 4;
    private static final int[] TOKENS = text();

    @TempDir
    Path tmp;

    /** A text with structure (mostly counting up by 3) and some noise. */
    private static int[] text() {
        Random random = new Random(1);
        int[] tokens = new int[600];
        for (int i = 1; i < tokens.length; i++) {
            tokens[i] = random.nextInt(5) == 0 ? random.nextInt(VOCAB) : (tokens[i - 1] + 3) % VOCAB;
        }
        return tokens;
    }

    /** Random windows of the text; a fresh sampler with the same seed repeats the same batches. */
    static Supplier<Batch> sampler(long seed) {
        Random random = new Random(seed);
        return () -> {
            int[][] inputs = new int[BATCH][BLOCK], targets = new int[BATCH][BLOCK];
            for (int b = 0; b < BATCH; b++) {
                int start = random.nextInt(TOKENS.length - BLOCK - 1);
                System.arraycopy(TOKENS, start, inputs[b], 0, BLOCK);
                System.arraycopy(TOKENS, start + 1, targets[b], 0, BLOCK);
            }
            return new Batch(inputs, targets);
        };
    }

    private static GPT gpt(int nEmbd) {
        // Dropout on, so a resumed run must also continue the dropout masks exactly.
        return new GPT(new GPTConfig(VOCAB, BLOCK, 1, 2, nEmbd, 0.1, true, true, 5));
    }

    private static TrainerConfig.Builder config() {
        return TrainerConfig.builder().steps(8).batchSize(BATCH).blockSize(BLOCK).gradAccumulationSteps(2)
                .maxLr(1e-2).minLr(1e-3).warmupSteps(2).clipNorm(1.0).evalInterval(3).evalBatches(2).quiet(true);
    }

    /** A fresh model, optimizer and samplers, built the same way every time. */
    private record Run(GPT model, Optimizer optimizer, Trainer trainer) {
        static Run of(TrainerConfig config) {
            GPT model = gpt(8);
            Optimizer optimizer = new AdamW(ParamGroups.forWeightDecay(model, 0.1), 1e-2, 0.9, 0.99, 1e-8);
            return new Run(model, optimizer, new Trainer(model, optimizer, config, sampler(11), sampler(12)));
        }
    }

    @Test
    void resumingContinuesExactlyAsAnUninterruptedRun() throws IOException {
        Run straight = Run.of(config().build());
        straight.trainer().train();

        Path dir = tmp.resolve("checkpoint");
        TrainerConfig withCheckpoints = config().checkpointDir(dir).build();
        Run first = Run.of(withCheckpoints);
        first.trainer().train(4);
        assertThat(dir.resolve(Checkpoint.MODEL_FILE)).isNotEmptyFile();
        assertThat(dir.resolve(Checkpoint.OPTIMIZER_FILE)).isNotEmptyFile();
        assertThat(dir.resolve(Checkpoint.META_FILE)).isNotEmptyFile();

        Run resumed = Run.of(withCheckpoints);
        resumed.trainer().resume(dir);
        assertThat(resumed.trainer().step()).isEqualTo(4);
        resumed.trainer().train();

        assertThat(resumed.trainer().step()).isEqualTo(8);
        Map<String, INDArray> expected = straight.model().stateDict(), actual = resumed.model().stateDict();
        expected.forEach((name, value) -> assertThat(flat(actual.get(name))).as("parameter %s", name)
                .containsExactly(flat(value)));
        Map<String, INDArray> expectedState = straight.optimizer().state();
        resumed.optimizer().state().forEach((key, value) -> assertThat(flat(value)).as("optimizer state %s", key)
                .containsExactly(flat(expectedState.get(key))));
        assertThat(resumed.trainer().history().rows()).isEqualTo(straight.trainer().history().rows());
        assertThat(straight.trainer().history().rows()).extracting(TrainingHistory.Row::step)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    private static double[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toDoubleVector();
    }

    @Test
    void dropoutMasksMatterSoTheResumeTestIsSensitive() {
        GPT model = gpt(8);
        int[][] ids = {{1, 2, 3, 4}};
        INDArray a = model.forward(ids).data(), b = model.forward(ids).data();
        assertThat(a.equalsWithEps(b, 1e-12)).isFalse();
    }

    @Test
    void writesLossCurvesAsCsvAndPng() throws IOException {
        Path out = tmp.resolve("out");
        Run run = Run.of(config().outputDir(out).build());
        run.trainer().train();
        List<String> csv = Files.readAllLines(out.resolve("losses.csv"));
        assertThat(csv.get(0)).isEqualTo("step,lr,train_loss,eval_train_loss,val_loss");
        assertThat(csv).hasSize(1 + 9);
        assertThat(csv.get(1)).startsWith("0,,,"); // the evaluation before training
        assertThat(csv.get(3)).matches("2,[0-9.e-]+,[0-9.e-]+,,");
        assertThat(csv.get(4)).matches("3,[0-9.e-]+,[0-9.e-]+,[0-9.e-]+,[0-9.e-]+");
        BufferedImage png = ImageIO.read(out.resolve("losses.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(Files.size(out.resolve("losses.png"))).isGreaterThan(5_000);
    }

    @Test
    void progressIsRedrawnOnATerminalAndPrintedAsLinesOtherwise() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Run.of(config().quiet(false).logInterval(4).build()).trainer()
                .logTo(new PrintStream(lines, true, StandardCharsets.UTF_8)).redrawInPlace(false).train();
        String text = lines.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").contains("step 0: train loss").contains("step 3: train loss")
                .contains("step 1/8 loss").contains("step 4/8 loss").contains("step 8/8 loss").contains("tok/s")
                .doesNotContain("step 2/8 loss");

        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        Run.of(config().quiet(false).build()).trainer().logTo(new PrintStream(bar, true, StandardCharsets.UTF_8))
                .redrawInPlace(true).train();
        assertThat(bar.toString(StandardCharsets.UTF_8)).contains("\rstep 8/8 [####################] loss");

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        Run.of(config().build()).trainer().logTo(new PrintStream(quiet, true, StandardCharsets.UTF_8)).train();
        assertThat(quiet.size()).isZero();
    }

    @Test
    void checkpointsThatCannotBeLoadedSayWhy() throws IOException {
        Path dir = tmp.resolve("good");
        Run.of(config().checkpointDir(dir).build()).trainer().train(2);

        Run fresh = Run.of(config().build());
        Map<String, INDArray> before = fresh.model().stateDict();
        assertThatThrownBy(() -> fresh.trainer().resume(tmp.resolve("nowhere"))).isInstanceOf(IOException.class)
                .hasMessageContaining("no such directory");
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> fresh.trainer().resume(tmp.resolve("empty")))
                .hasMessageContaining("has no checkpoint.json");

        GPT wider = gpt(16);
        assertThatThrownBy(() -> Checkpoint.load(dir, wider,
                new AdamW(ParamGroups.forWeightDecay(wider, 0.1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a GPT of another shape (nEmbd 8 in the checkpoint, 16 here)");
        GPT same = gpt(8);
        assertThatThrownBy(() -> Checkpoint.load(dir, same, new SGD(ParamGroup.of(same.parameters()), 0.1)))
                .hasMessageContaining("it holds the state of a hw.optim.AdamW, this optimizer is a hw.optim.SGD");
        assertThatThrownBy(() -> Checkpoint.load(dir, same, new AdamW(ParamGroup.of(same.parameters()))))
                .hasMessageContaining("its optimizer state does not fit");

        Path corrupt = copy(dir, "corrupt");
        byte[] bytes = Files.readAllBytes(corrupt.resolve(Checkpoint.MODEL_FILE));
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(corrupt.resolve(Checkpoint.MODEL_FILE), bytes);
        assertThatThrownBy(() -> fresh.trainer().resume(corrupt)).isInstanceOf(IOException.class)
                .hasMessageContaining("model.state does not match the checksum");

        Path missing = copy(dir, "missing");
        Files.delete(missing.resolve(Checkpoint.OPTIMIZER_FILE));
        assertThatThrownBy(() -> fresh.trainer().resume(missing)).hasMessageContaining("optimizer.state is missing");

        Path badJson = copy(dir, "badjson");
        Files.writeString(badJson.resolve(Checkpoint.META_FILE), "{\"format\": ");
        assertThatThrownBy(() -> fresh.trainer().resume(badJson)).hasMessageContaining("not valid JSON");

        Path otherJson = copy(dir, "otherjson");
        Files.writeString(otherJson.resolve(Checkpoint.META_FILE), "{\"format\": \"gpt-homework checkpoint\"}");
        assertThatThrownBy(() -> fresh.trainer().resume(otherJson)).isInstanceOf(IOException.class)
                .hasMessageContaining("lacks an entry");

        // Nothing was changed by the failed attempts, and the good checkpoint still loads.
        fresh.model().stateDict().forEach((name, value) -> assertThat(value.equalsWithEps(before.get(name), 0))
                .as(name).isTrue());
        assertThat(fresh.optimizer().stepCount()).isZero();
        fresh.trainer().resume(dir);
        assertThat(fresh.trainer().step()).isEqualTo(2);
        assertThatThrownBy(() -> fresh.trainer().resume(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fresh trainer");
        assertThat(Checkpoint.readConfig(dir).steps()).isEqualTo(8);
    }

    private Path copy(Path dir, String name) throws IOException {
        Path to = tmp.resolve(name);
        Files.createDirectories(to);
        for (String f : List.of(Checkpoint.MODEL_FILE, Checkpoint.OPTIMIZER_FILE, Checkpoint.META_FILE)) {
            Files.copy(dir.resolve(f), to.resolve(f));
        }
        return to;
    }

    @Test
    void badBatchesAndSettingsAreReported() {
        GPT model = gpt(8);
        Optimizer optimizer = new AdamW(ParamGroups.forWeightDecay(model, 0.1));
        Trainer trainer = new Trainer(model, optimizer, config().batchSize(5).build(), sampler(1), sampler(2));
        assertThatThrownBy(trainer::train).hasMessageContaining("a training batch has shape [4, 8], the configuration"
                + " says batchSize = 5, blockSize = 8");
        assertThatThrownBy(() -> new Trainer(model, optimizer, config().build(), sampler(1), sampler(2)).train(9))
                .hasMessageContaining("untilStep must be in [0, 8]");
        assertThatThrownBy(() -> config().warmupSteps(20).build()).hasMessageContaining("warmupSteps must be in");
        assertThatThrownBy(() -> config().checkpointInterval(2).build()).hasMessageContaining("needs a checkpointDir");
        assertThatThrownBy(() -> new Trainer(new NotAModule(), optimizer, config().build(), sampler(1), sampler(2)))
                .hasMessageContaining("must be a hw.nn.Module");
        assertThat(config().build().differences(config().steps(9).build())).containsExactly("steps: 8 → 9");
    }

    /** A language model that is not a Module. */
    private static final class NotAModule implements hw.model.LanguageModel {
        @Override
        public hw.tensor.Tensor forward(int[][] ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GPT.Output forward(int[][] ids, int[][] targets) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int vocabSize() {
            return VOCAB;
        }

        @Override
        public int blockSize() {
            return BLOCK;
        }
    }

    @Test
    void historyWritesBlanksForWhatWasNotMeasured() throws IOException {
        TrainingHistory history = new TrainingHistory();
        history.recordEval(0, 2.5, 2.6);
        history.recordStep(1, 1e-3, 2.4);
        history.recordStep(2, 2e-3, 2.3);
        history.recordEval(2, 2.2, 2.25);
        Path csv = tmp.resolve("h.csv");
        history.writeCsv(csv);
        assertThat(Files.readAllLines(csv)).containsExactly("step,lr,train_loss,eval_train_loss,val_loss",
                "0,,,2.50000,2.60000", "1,0.00100000,2.40000,,", "2,0.00200000,2.30000,2.20000,2.25000");
        assertThat(history.lastEvaluation().valLoss()).isEqualTo(2.25);
        assertThatThrownBy(() -> history.recordStep(2, 1e-3, 1.0)).hasMessageContaining("step 2 after step 2");
        LossPlot.write(new TrainingHistory(), tmp.resolve("empty.png"));
        assertThat(tmp.resolve("empty.png")).isNotEmptyFile();
        assertThat(Module.class).isAssignableFrom(GPT.class);
    }
}
