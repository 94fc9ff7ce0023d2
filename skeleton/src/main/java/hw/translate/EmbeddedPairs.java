package hw.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The embedded translation task, generated here (no file, nothing downloaded): short German sentences about
 * numbers, times of day, dates and quantities, with their English translations — real words and a real mapping
 * that a small model learns in minutes. It asks for what translation needs: reordering ("einundzwanzig" →
 * "twenty-one", "Sie hat am dritten Mai Geburtstag." → "Her birthday is on the third of May."), agreement ("eine
 * Flasche", "zwei Flaschen" → "a bottle", "two bottles"), and idiom ("um halb acht" is half past
 * <em>seven</em>, "um Viertel vor neun" a quarter to nine).
 */
public final class EmbeddedPairs {
    private static final String[] MONTHS_DE = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    // German singular, plural, whether feminine ("eine"); English singular, plural.
    private static final String[][] UNITS = {{"Flasche", "Flaschen", "f", "bottle", "bottles"},
        {"Tasse", "Tassen", "f", "cup", "cups"}, {"Kiste", "Kisten", "f", "box", "boxes"},
        {"Packung", "Packungen", "f", "packet", "packets"}, {"Kilo", "Kilo", "n", "kilo", "kilos"},
        {"Liter", "Liter", "m", "litre", "litres"}, {"Glas", "Gläser", "n", "glass", "glasses"}};
    private static final String[][] GOODS = {{"Wasser", "water"}, {"Milch", "milk"}, {"Kaffee", "coffee"},
        {"Tee", "tea"}, {"Saft", "juice"}, {"Wein", "wine"}, {"Reis", "rice"}, {"Zucker", "sugar"}, {"Mehl", "flour"},
        {"Äpfel", "apples"}, {"Kartoffeln", "potatoes"}, {"Tomaten", "tomatoes"}};

    private EmbeddedPairs() {
    }

    /** The task's split: training, validation and test pairs, all distinct, fixed by the seed. */
    public static ParallelCorpus corpus(int trainPairs, int validationPairs, int testPairs, long seed) {
        List<TranslationPair> all = generate(trainPairs + validationPairs + testPairs, seed);
        return new ParallelCorpus("embedded numbers, times, dates and quantities (seed " + seed + ")",
                all.subList(0, trainPairs),
                all.subList(trainPairs, trainPairs + validationPairs),
                all.subList(trainPairs + validationPairs, all.size()));
    }

    /** The default split: 12 000 training pairs, 400 for validation, 400 for testing. */
    public static ParallelCorpus corpus() {
        return corpus(12_000, 400, 400, 8);
    }

    /** {@code count} distinct pairs (distinct German sentences), in a random order fixed by the seed. */
    public static List<TranslationPair> generate(int count, long seed) {
        Random rng = new Random(seed);
        Map<String, String> pairs = new LinkedHashMap<>();
        long attempts = 0;
        while (pairs.size() < count) {
            if (++attempts > 100L * count + 1000) {
                throw new IllegalStateException("EmbeddedPairs: cannot find " + count + " distinct sentences");
            }
            String[] pair = sentence(rng);
            pairs.putIfAbsent(pair[0], pair[1]);
        }
        List<TranslationPair> out = new ArrayList<>();
        pairs.forEach((de, en) -> out.add(new TranslationPair(de, en)));
        return out;
    }

    /** One random sentence: {German, English}. */
    static String[] sentence(Random rng) {
        int kind = rng.nextInt(20);
        if (kind < 6) {
            int n = rng.nextInt(10) < 3 ? rng.nextInt(100) : rng.nextInt(10_000);
            return rng.nextBoolean()
                    ? pair("Die Antwort ist " + NumberWords.german(n) + ".", "The answer is " + NumberWords.english(n) + ".")
                    : pair("Er zählt bis " + NumberWords.german(n) + ".", "He counts to " + NumberWords.english(n) + ".");
        }
        if (kind < 9) {
            String[] t = time(rng);
            return rng.nextBoolean() ? pair("Der Zug fährt " + t[0] + ".", "The train leaves " + t[1] + ".")
                    : pair("Wir essen " + t[0] + ".", "We eat " + t[1] + ".");
        }
        if (kind < 11) {
            String[] d = date(rng);
            return rng.nextBoolean() ? pair("Wir treffen uns " + d[0] + ".", "We meet " + d[1] + ".")
                    : pair("Sie hat " + d[0] + " Geburtstag.", "Her birthday is " + d[1] + ".");
        }
        if (kind < 15) {
            String[] d = date(rng), t = time(rng);
            return pair("Das Konzert beginnt " + d[0] + " " + t[0] + ".", "The concert starts " + d[1] + " " + t[1] + ".");
        }
        String[] q = quantity(rng);
        return rng.nextBoolean() ? pair("Ich kaufe " + q[0] + ".", "I buy " + q[1] + ".")
                : pair("Wir brauchen noch " + q[0] + ".", "We still need " + q[1] + ".");
    }

    /** A time of day: "um halb acht" / "at half past seven". */
    static String[] time(Random rng) {
        int hour = 1 + rng.nextInt(12), next = hour % 12 + 1;
        return switch (rng.nextInt(6)) {
            case 0 -> pair("um " + (hour == 1 ? "ein" : NumberWords.german(hour)) + " Uhr",
                    "at " + NumberWords.english(hour) + " o'clock");
            case 1 -> pair("um halb " + NumberWords.german(next), "at half past " + NumberWords.english(hour));
            case 2 -> pair("um Viertel nach " + NumberWords.german(hour), "at a quarter past " + NumberWords.english(hour));
            case 3 -> pair("um Viertel vor " + NumberWords.german(next), "at a quarter to " + NumberWords.english(next));
            case 4 -> {
                int minutes = new int[] {5, 10, 20}[rng.nextInt(3)];
                yield pair("um " + NumberWords.german(minutes) + " nach " + NumberWords.german(hour),
                        "at " + NumberWords.english(minutes) + " past " + NumberWords.english(hour));
            }
            default -> {
                int minutes = new int[] {5, 10, 20}[rng.nextInt(3)];
                yield pair("um " + NumberWords.german(minutes) + " vor " + NumberWords.german(next),
                        "at " + NumberWords.english(minutes) + " to " + NumberWords.english(next));
            }
        };
    }

    /** A date: "am dritten Mai" / "on the third of May". */
    static String[] date(Random rng) {
        int month = rng.nextInt(12), day = 1 + rng.nextInt(DAYS_IN_MONTH[month]);
        return pair("am " + NumberWords.germanDay(day) + " " + MONTHS_DE[month],
                "on the " + NumberWords.englishDay(day) + " of " + MONTHS_EN[month]);
    }

    /** A quantity: "zwei Flaschen Wasser" / "two bottles of water", "eine Tasse Tee" / "a cup of tea". */
    static String[] quantity(Random rng) {
        String[] unit = UNITS[rng.nextInt(UNITS.length)], goods = GOODS[rng.nextInt(GOODS.length)];
        int n = 1 + rng.nextInt(20);
        if (n == 1) {
            return pair((unit[2].equals("f") ? "eine " : "ein ") + unit[0] + " " + goods[0],
                    "a " + unit[3] + " of " + goods[1]);
        }
        return pair(NumberWords.german(n) + " " + unit[1] + " " + goods[0],
                NumberWords.english(n) + " " + unit[4] + " of " + goods[1]);
    }

    private static String[] pair(String german, String english) {
        return new String[] {german, english};
    }
}
