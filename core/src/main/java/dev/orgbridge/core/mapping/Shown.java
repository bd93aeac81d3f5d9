package dev.orgbridge.core.mapping;

/** Renders an untrusted value for pages, logs and events: HTML-escaped, no control characters, at most 64 code points. */
public final class Shown {

    private Shown() {
    }

    public static String of(String value) {
        StringBuilder shown = new StringBuilder();
        int[] codePoints = value.codePoints().toArray();
        int length = Math.min(codePoints.length, MappingWarning.SHOWN_LENGTH);
        for (int i = 0; i < length; i++) {
            int c = codePoints[i];
            switch (c) {
                case '<' -> shown.append("&lt;");
                case '>' -> shown.append("&gt;");
                case '&' -> shown.append("&amp;");
                case '"' -> shown.append("&quot;");
                case '\'' -> shown.append("&#39;");
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append('\uFFFD');
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        if (codePoints.length > length) {
            shown.append('…');
        }
        return shown.toString();
    }
}
