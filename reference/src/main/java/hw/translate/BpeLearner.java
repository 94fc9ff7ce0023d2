package hw.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns byte-pair merges from counted pieces: repeatedly merges the most frequent adjacent pair of symbols (on a
 * tie, the pair of earlier symbols: the result does not depend on hash order). Only the pieces that contain the
 * merged pair are rewritten, and a priority queue with stale entries skipped finds the next pair, so 8 000 merges
 * over Multi30k take about a second.
 */
final class BpeLearner {
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final List<int[]> words = new ArrayList<>();
    private final List<Integer> wordCounts = new ArrayList<>();
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> pairWords = new HashMap<>();
    private final PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0]
            ? Long.compare(y[0], x[0]) : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));

    private BpeLearner() {
    }

    /** The tokenizer with the pieces' alphabet and up to {@code textIds} text ids (alphabet plus merges). */
    static SubwordTokenizer learn(Map<String, Integer> pieceCounts, int textIds) {
        BpeLearner learner = new BpeLearner();
        List<String> alphabet = SubwordTokenizer.alphabet(pieceCounts);
        if (textIds < alphabet.size()) {
            throw new IllegalArgumentException("SubwordTokenizer: a vocabulary of " + (textIds + 4) + " ids cannot"
                    + " hold the 4 special ids and the " + alphabet.size() + " characters of the training text");
        }
        for (String c : alphabet) {
            learner.symbol(c);
        }
        pieceCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int[] word = e.getKey().codePoints().map(cp -> learner.symbolIds.get(new String(Character.toChars(cp))))
                    .toArray();
            learner.words.add(word);
            learner.wordCounts.add(e.getValue());
        });
        for (int w = 0; w < learner.words.size(); w++) {
            learner.count(w, +1);
        }
        for (Map.Entry<Long, Long> e : learner.pairCounts.entrySet()) {
            learner.push(e.getKey(), e.getValue());
        }
        List<String[]> merges = new ArrayList<>();
        int distinct = alphabet.size();
        while (distinct < textIds) {
            long[] best = learner.queue.poll();
            if (best == null) {
                break; // every piece is one symbol
            }
            long key = key((int) best[1], (int) best[2]);
            if (learner.pairCounts.getOrDefault(key, 0L) != best[0] || best[0] <= 0) {
                continue; // stale entry
            }
            String left = learner.symbols.get((int) best[1]), right = learner.symbols.get((int) best[2]);
            if (!learner.symbolIds.containsKey(left + right)) {
                distinct++;
            }
            merges.add(new String[] {left, right});
            learner.merge((int) best[1], (int) best[2]);
        }
        return SubwordTokenizer.of(alphabet, merges);
    }

    private int symbol(String s) {
        return symbolIds.computeIfAbsent(s, k -> {
            symbols.add(k);
            return symbols.size() - 1;
        });
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    private void push(long key, long count) {
        if (count > 0) {
            queue.add(new long[] {count, key >>> 32, key & 0xffffffffL});
        }
    }

    /** Adds (sign +1) or removes (−1) word w's adjacent pairs from the counts; returns the pairs touched. */
    private Set<Long> count(int w, int sign) {
        int[] word = words.get(w);
        Set<Long> touched = new HashSet<>();
        for (int i = 0; i + 1 < word.length; i++) {
            long k = key(word[i], word[i + 1]);
            pairCounts.merge(k, (long) sign * wordCounts.get(w), Long::sum);
            if (sign > 0) {
                pairWords.computeIfAbsent(k, x -> new HashSet<>()).add(w);
            }
            touched.add(k);
        }
        return touched;
    }

    private void merge(int a, int b) {
        int merged = symbol(symbols.get(a) + symbols.get(b));
        Set<Integer> holders = pairWords.getOrDefault(key(a, b), Set.of());
        Set<Long> touched = new HashSet<>();
        for (int w : holders.stream().sorted().toList()) {
            int[] word = words.get(w);
            int[] out = new int[word.length];
            int n = 0;
            boolean changed = false;
            for (int i = 0; i < word.length; i++) {
                if (i + 1 < word.length && word[i] == a && word[i + 1] == b) {
                    out[n++] = merged;
                    i++;
                    changed = true;
                } else {
                    out[n++] = word[i];
                }
            }
            if (!changed) {
                continue; // a stale entry in the index
            }
            touched.addAll(count(w, -1));
            words.set(w, java.util.Arrays.copyOf(out, n));
            touched.addAll(count(w, +1));
        }
        for (long k : touched) {
            push(k, pairCounts.getOrDefault(k, 0L));
        }
    }
}
