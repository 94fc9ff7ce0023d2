package hw.cli;

import static hw.cli.Ran.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void trainsSamplesEvaluatesAndResumesATinyRun(@TempDir Path tmp) throws Exception {
        String dir = tmp.resolve("run").toString();
        Ran train = run("train", "--run", dir, "--corpus", "english", "--max-chars", "20000", "--steps", "4",
                "--layers", "1", "--width", "16", "--block-size", "16", "--batch-size", "4", "--eval-interval", "2",
                "--eval-batches", "1", "--sample-tokens", "20");
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("step 4: train loss", "---- unprompted (20 tokens) ----",
                "---- prompt: \"The \"");
        for (String file : new String[] {"run.json", "tokenizer.json", "model.state", "losses.csv", "losses.png",
                "checkpoint"}) {
            assertThat(tmp.resolve("run").resolve(file)).exists();
        }

        assertThat(Files.readString(tmp.resolve("run").resolve("run.json")))
                .as("trained in float32 by default, as PyTorch does").contains("\"dtype\": \"float32\"");
        assertThat(hw.tensor.Precision.current()).as("the command leaves the default type as it found it")
                .isEqualTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);

        Ran sample = run("sample", "--run", dir, "--prompt", "the ", "--tokens", "10", "--seed", "3");
        assertThat(sample.status()).as(sample.err()).isZero();
        assertThat(sample.out()).contains("---- prompt: \"the \" (10 tokens) ----");
        Ran again = run("sample", "--run", dir, "--prompt", "the ", "--tokens", "10", "--seed", "3", "--naive");
        assertThat(again.out()).as("the naive sampler picks the cached sampler's tokens").isEqualTo(sample.out());

        Ran eval = run("eval", "--run", dir, "--batches", "2", "--batch-size", "2", "--max-tokens", "200");
        assertThat(eval.status()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("held out", "perplexity");

        Ran twice = run("train", "--run", dir, "--steps", "4");
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("already holds a run", "--resume");

        Ran resumed = run("train", "--run", dir, "--resume", "--steps", "6", "--layers", "1");
        assertThat(resumed.status()).isEqualTo(2);
        assertThat(resumed.err()).contains("--layers cannot change when resuming");
        Ran longer = run("train", "--run", dir, "--resume", "--steps", "6", "--batch-size", "4", "--eval-interval",
                "2", "--eval-batches", "1", "--sample-tokens", "0");
        assertThat(longer.status()).as(longer.err()).isZero();
        assertThat(longer.out()).contains("resumed from", "step 6: train loss");
        assertThat(Files.readAllLines(tmp.resolve("run").resolve("losses.csv"))).hasSize(1 + 6 + 1);
    }

    @Test
    void mistakesOnTheCommandLineAreOneLineErrors(@TempDir Path tmp) throws Exception {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("--help").out()).contains("train", "sample", "eval", "tiny", "jku", "305b");
        assertThat(run("fly").err()).contains("unknown command 'fly'", "train, sample, eval, bleu, translate");
        assertThat(run("train", "--stpes", "3").err()).contains("unknown option --stpes", "--steps");
        assertThat(run("train", "--steps", "many").err()).contains("--steps: needs a whole number, got 'many'");
        assertThat(run("train", "--preset", "huge").err()).contains("unknown preset 'huge'", "tiny, jku, 305b");
        assertThat(run("sample", "--run", tmp.toString()).err()).contains("no trained model in", "train one first");
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("run.json"), "{\"preset\": \"tiny\", \"corpus\": \"python\","
                + " \"tokenizer\": \"char\", \"model\": {\"vocabSize\": 5, \"blockSize\": 4, \"nLayer\": 1,"
                + " \"nHead\": 3, \"nEmbd\": 8}}");
        assertThat(run("sample", "--run", broken.toString()).err()).contains("is not a valid run description",
                "nHead = 3 must divide nEmbd = 8");
        assertThat(run("train", "--run", tmp.resolve("d").toString(), "--dtype", "int8").err())
                .contains("--dtype", "float32 or float64");
        Ran badCorpus = run("train", "--run", tmp.resolve("r").toString(), "--corpus", tmp.resolve("none.txt").toString());
        assertThat(badCorpus.status()).isEqualTo(1);
        assertThat(badCorpus.err()).contains("neither \"python\", \"english\" nor an existing file");
    }

    @Test
    void optionsTakeValuesAfterASpaceOrAnEqualsSignAndFlagsTakeNone(@TempDir Path tmp) {
        String run = tmp.resolve("r").toString();
        assertThat(run("train", "--run=" + run, "--steps", "1_000", "--corpus", "english", "--max-chars", "1000",
                "--tokenizer", "words").err())
                .as("--run=DIR and 1_000 parse; the tokenizer is checked afterwards")
                .contains("--tokenizer must be char, char-normalised or bpe, got 'words'");
        assertThat(run("train", "--steps").err()).contains("--steps");
        Ran twice = run("train", "--steps", "1", "--steps", "2");
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("--steps", "only once");
        assertThat(run("train", "--resume=1").err()).contains("--resume");
        assertThat(run("train", "--steps", "99999999999").err()).contains("--steps: too large");
        assertThat(run("eval", "extra").err()).contains("unexpected argument 'extra'");
    }

    @Test
    void everyCommandHasItsHelp() {
        for (String command : new String[] {"train", "sample", "eval", "bleu", "translate"}) {
            Ran help = run(command, "--help");
            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage:", command, "--help");
        }
        assertThat(run("train", "--help").out()).as("the presets are described").contains("tiny", "jku", "305b",
                "--resume", "--dtype");
        assertThat(run("translate", "train", "--help").out()).contains("--epochs", "--vocab");
    }

    @Test
    void mistakesAreOneLineNoStackTrace() {
        for (Ran r : new Ran[] {run("fly"), run("train", "--stpes", "3"), run("train", "--steps", "many"),
            run("sample", "--top-k", "x"), run("translate", "train", "--epoks", "2")}) {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
            assertThat(r.out()).isEmpty();
        }
    }
}
