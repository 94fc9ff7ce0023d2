#!/usr/bin/env python3
"""The PyTorch side of the kit's `bench` command: the same work as the kit's rows, in PyTorch on the CPU.

The model is the kit's GPT written in PyTorch (pre-LN blocks, separate query/key/value/output projections with
biases, GELU in the tanh form, a feed-forward of width 4C, tied token embedding and head), trained with AdamW
(weight decay 0.1 on matrices, gradient clipping at 1.0) or sampled one token at a time, naively (the whole
context again for every token) or through a KV cache. One thread, as the kit runs.

    /usr/bin/python3 torch_bench.py [--rows train,naive,cached] [--train-steps 20] [--repeat 3]
                                    [--new-tokens 255] [--dtype float32|float64]

Prints one JSON line: {"torch": VERSION, "dtype": ..., "blas": LIBRARY, "rows": {ROW: {"tokens_per_s": X, "cpu_tokens_per_s": Y,
"peak_rss": BYTES}}}. Each row's rate is the best of --repeat timed rounds after a warm-up, as on the kit's side,
per second of wall-clock time and per second of the process's CPU time (less disturbed by other processes).

    /usr/bin/python3 torch_bench.py --serve ROW [--train-steps 20] [--new-tokens 255] [--dtype ...]

builds and warms up one row, prints "ready {JSON}" (torch's version and BLAS), then answers commands on standard
input, one a line, as the kit's side does (bench.KitBench): "round" times one round ("round WALL CPU", tokens per
second), "peak" gives the peak resident memory ("peak BYTES"), "quit" ends. The kit's bench asks the two sides in
turn, so that each pair of rounds ran under the same conditions.
"""
import sys
import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

JKU = dict(vocab=40, block=64, layers=4, heads=4, width=128)          # trained with batches of 12
STANFORD = dict(vocab=12038, block=256, layers=6, heads=6, width=384)  # sampled, 255 new tokens
JKU_BATCH = 12


class Attention(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)
        self.output = nn.Linear(width, width)

    def forward(self, x, cache=None):
        b, t, c = x.shape
        q, k, v = self.query(x), self.key(x), self.value(x)               # [B, T, C]
        if cache is not None:
            if "k" in cache:
                k = torch.cat([cache["k"], k], dim=1)                       # [B, cached + T, C]
                v = torch.cat([cache["v"], v], dim=1)
            cache["k"], cache["v"] = k, v
        keys = k.shape[1]
        d = c // self.heads
        qh = q.view(b, t, self.heads, d).transpose(1, 2)                    # [B, H, T, D]
        kh = k.view(b, keys, self.heads, d).transpose(1, 2)                 # [B, H, Tk, D]
        vh = v.view(b, keys, self.heads, d).transpose(1, 2)
        scores = qh @ kh.transpose(-2, -1) / math.sqrt(d)                   # [B, H, T, Tk]
        if t > 1:
            # query i sits at position keys - t + i and may not see later keys
            future = torch.ones(t, keys, dtype=torch.bool).triu(keys - t + 1)
            scores = scores.masked_fill(future, float("-inf"))
        heads = F.softmax(scores, dim=-1) @ vh                              # [B, H, T, D]
        return self.output(heads.transpose(1, 2).reshape(b, t, c))          # [B, T, C]


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.ln1 = nn.LayerNorm(width)
        self.attention = Attention(width, heads)
        self.ln2 = nn.LayerNorm(width)
        self.up = nn.Linear(width, 4 * width)
        self.down = nn.Linear(4 * width, width)

    def forward(self, x, cache=None):
        x = x + self.attention(self.ln1(x), cache)
        return x + self.down(F.gelu(self.up(self.ln2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self, vocab, block, layers, heads, width):
        super().__init__()
        self.block = block
        self.tokens = nn.Embedding(vocab, width)
        self.positions = nn.Embedding(block, width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.final = nn.LayerNorm(width)
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, std=0.02)
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)
        for b in self.blocks:
            nn.init.normal_(b.attention.output.weight, std=0.02 / math.sqrt(2 * layers))
            nn.init.normal_(b.down.weight, std=0.02 / math.sqrt(2 * layers))

    def forward(self, ids, caches=None):
        start = 0 if caches is None or "k" not in caches[0] else caches[0]["k"].shape[1]
        t = ids.shape[1]
        x = self.tokens(ids) + self.positions(torch.arange(start, start + t))   # [B, T, C]
        for i, b in enumerate(self.blocks):
            x = b(x, None if caches is None else caches[i])
        return self.final(x) @ self.tokens.weight.t()                           # [B, T, V]


def blas_library():
    """The BLAS shared library torch multiplies with, as the process has it mapped ("unknown" when unreadable).

    Debian's torch calls whatever libblas.so.3 the alternatives system points at: the slow reference BLAS unless
    OpenBLAS (libopenblas0-pthread) is installed, which makes a 25-fold difference to matrix products.
    """
    torch.ones(8, 8) @ torch.ones(8, 8)
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "blas" in line.lower() and "lapack" not in line.lower()}
    except OSError:
        return "unknown"
    return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "unknown"


def peak_reset():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_rss():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return -1


def train_work(steps, gen):
    """Builds and warms up the training row; returns (tokens per round, one round)."""
    model = GPT(**JKU)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    rest = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}],
                            lr=1e-3)
    data = torch.randint(0, JKU["vocab"], (50_000,), generator=gen)

    def step():
        starts = torch.randint(0, len(data) - JKU["block"] - 1, (JKU_BATCH,), generator=gen)
        x = torch.stack([data[s:s + JKU["block"]] for s in starts])
        y = torch.stack([data[s + 1:s + 1 + JKU["block"]] for s in starts])
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(5):
        step()
    return steps * JKU_BATCH * JKU["block"], lambda: [step() for _ in range(steps)]


def train_rate(steps, repeat, gen):
    tokens, work = train_work(steps, gen)
    return best_of(repeat, tokens, work)


def best_of(repeat, tokens, work):
    """The best rounds' tokens per second of wall-clock time and of this process's CPU time."""
    wall, cpu = 0.0, 0.0
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        work()
        wall = max(wall, tokens / (time.perf_counter() - w))
        cpu = max(cpu, tokens / max(time.process_time() - c, 1e-9))
    return wall, cpu


@torch.no_grad()
def sample(model, new_tokens, cached, gen):
    tokens = [0]
    caches = [dict() for _ in model.blocks] if cached else None
    logits = model(torch.tensor([tokens]), caches)
    for i in range(new_tokens):
        probs = F.softmax(logits[0, -1], dim=-1)
        tokens.append(int(torch.multinomial(probs, 1, generator=gen)))
        if i + 1 == new_tokens:
            break
        if cached:
            logits = model(torch.tensor([tokens[-1:]]), caches)
        else:
            logits = model(torch.tensor([tokens[-model.block:]]))
    return tokens


def sample_work(new_tokens, cached, gen):
    """Builds and warms up a sampling row; returns (tokens per round, one round)."""
    model = GPT(**STANFORD).eval()
    sample(model, 32, cached, gen)
    return new_tokens, lambda: sample(model, new_tokens, cached, gen)


def sample_rate(new_tokens, cached, repeat, gen):
    tokens, work = sample_work(new_tokens, cached, gen)
    return best_of(repeat, tokens, work)


def serve(a, gen):
    """The --serve mode of the module comment."""
    peak_reset()
    if a.serve == "train":
        tokens, work = train_work(a.train_steps, gen)
    elif a.serve in ("naive", "cached"):
        tokens, work = sample_work(a.new_tokens, a.serve == "cached", gen)
    else:
        raise SystemExit("unknown row " + a.serve)
    print("ready " + json.dumps({"torch": torch.__version__, "blas": blas_library()}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "round":
            w, c = time.perf_counter(), time.process_time()
            work()
            wall = tokens / (time.perf_counter() - w)
            cpu = tokens / max(time.process_time() - c, 1e-9)
            print("round %r %r" % (wall, cpu), flush=True)
        elif command == "peak":
            print("peak %d" % peak_rss(), flush=True)
        elif command == "quit":
            break
        else:
            print("unknown " + command, flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="train,naive,cached")
    ap.add_argument("--train-steps", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--new-tokens", type=int, default=255)
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--serve", metavar="ROW")
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    torch.set_default_dtype(torch.float32 if a.dtype == "float32" else torch.float64)
    gen = torch.Generator().manual_seed(1337)
    torch.manual_seed(1337)
    if a.serve:
        serve(a, gen)
        return
    rows = {}
    for row in a.rows.split(","):
        peak_reset()
        if row == "train":
            wall, cpu = train_rate(a.train_steps, a.repeat, gen)
        elif row in ("naive", "cached"):
            wall, cpu = sample_rate(a.new_tokens, row == "cached", a.repeat, gen)
        else:
            raise SystemExit("unknown row " + row)
        rows[row] = {"tokens_per_s": wall, "cpu_tokens_per_s": cpu, "peak_rss": peak_rss()}
    print(json.dumps({"torch": torch.__version__, "dtype": a.dtype, "threads": torch.get_num_threads(),
                      "blas": blas_library(), "rows": rows}))


if __name__ == "__main__":
    main()
