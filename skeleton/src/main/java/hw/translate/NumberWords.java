package hw.translate;

/**
 * Numbers written out in German and in English: cardinals 0 … 9 999 and the ordinals of the days of a month.
 * German writes a number as one word, units before tens ("einundzwanzig", twenty-one) and "ein" inside a
 * compound; English separates hundreds and thousands and joins tens and units with a hyphen (American style,
 * without "and").
 */
final class NumberWords {
    private static final String[] GERMAN_SMALL = {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben",
        "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
        "achtzehn", "neunzehn"};
    private static final String[] GERMAN_TENS = {"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig",
        "siebzig", "achtzig", "neunzig"};
    private static final String[] ENGLISH_SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"};
    private static final String[] ENGLISH_TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final String[] ENGLISH_ORDINAL_SMALL = {"", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth"};

    private NumberWords() {
    }

    /** 0 … 9 999 in German, e.g. 1 234 = "eintausendzweihundertvierunddreißig". */
    static String german(int n) {
        check(n);
        if (n == 0) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int thousands = n / 1000, hundreds = n / 100 % 10, rest = n % 100;
        if (thousands > 0) {
            out.append(thousands == 1 ? "ein" : GERMAN_SMALL[thousands]).append("tausend");
        }
        if (hundreds > 0) {
            out.append(hundreds == 1 ? "ein" : GERMAN_SMALL[hundreds]).append("hundert");
        }
        if (rest > 0) {
            out.append(germanBelowHundred(rest));
        }
        return out.toString();
    }

    private static String germanBelowHundred(int n) {
        if (n < 20) {
            return GERMAN_SMALL[n];
        }
        int units = n % 10;
        return units == 0 ? GERMAN_TENS[n / 10] : (units == 1 ? "ein" : GERMAN_SMALL[units]) + "und" + GERMAN_TENS[n / 10];
    }

    /** 0 … 9 999 in English, e.g. 1 234 = "one thousand two hundred thirty-four". */
    static String english(int n) {
        check(n);
        if (n == 0) {
            return "zero";
        }
        StringBuilder out = new StringBuilder();
        int thousands = n / 1000, hundreds = n / 100 % 10, rest = n % 100;
        if (thousands > 0) {
            out.append(ENGLISH_SMALL[thousands]).append(" thousand");
        }
        if (hundreds > 0) {
            out.append(out.isEmpty() ? "" : " ").append(ENGLISH_SMALL[hundreds]).append(" hundred");
        }
        if (rest > 0) {
            out.append(out.isEmpty() ? "" : " ").append(englishBelowHundred(rest));
        }
        return out.toString();
    }

    private static String englishBelowHundred(int n) {
        if (n < 20) {
            return ENGLISH_SMALL[n];
        }
        int units = n % 10;
        return ENGLISH_TENS[n / 10] + (units == 0 ? "" : "-" + ENGLISH_SMALL[units]);
    }

    /** The day 1 … 31 as a German ordinal after "am" (dative): "ersten", "dritten", "einundzwanzigsten". */
    static String germanDay(int day) {
        checkDay(day);
        return switch (day) {
            case 1 -> "ersten";
            case 3 -> "dritten";
            case 7 -> "siebten";
            case 8 -> "achten";
            default -> german(day) + (day < 20 ? "ten" : "sten");
        };
    }

    /** The day 1 … 31 as an English ordinal: "first", "third", "twenty-first", "thirtieth". */
    static String englishDay(int day) {
        checkDay(day);
        if (day < 20) {
            return ENGLISH_ORDINAL_SMALL[day];
        }
        int units = day % 10;
        if (units == 0) {
            return ENGLISH_TENS[day / 10].replaceAll("y$", "ieth");
        }
        return ENGLISH_TENS[day / 10] + "-" + ENGLISH_ORDINAL_SMALL[units];
    }

    private static void check(int n) {
        if (n < 0 || n > 9999) {
            throw new IllegalArgumentException("NumberWords: " + n + " is outside 0 … 9 999");
        }
    }

    private static void checkDay(int day) {
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("NumberWords: day " + day + " is outside 1 … 31");
        }
    }
}
