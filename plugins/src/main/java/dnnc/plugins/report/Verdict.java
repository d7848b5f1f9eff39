package dnnc.plugins.report;

/** Whether one of the study's findings holds on this run, by a rule stated beside it. */
enum Verdict {
    HOLDS("holds", "holds"), PARTLY("partly", "partly"), DOES_NOT_HOLD("does not hold", "fails"),
    NOT_MEASURED("not measured", "missing");

    private final String text;
    private final String cssClass;

    Verdict(String text, String cssClass) {
        this.text = text;
        this.cssClass = cssClass;
    }

    String text() {
        return text;
    }

    String cssClass() {
        return cssClass;
    }

    /** holds when every one of {@code total} cases passes, partly when at least {@code partlyFrom} do. */
    static Verdict ofCount(int passing, int total, int partlyFrom) {
        if (total == 0) {
            return NOT_MEASURED;
        }
        if (passing == total) {
            return HOLDS;
        }
        return passing >= partlyFrom ? PARTLY : DOES_NOT_HOLD;
    }
}
