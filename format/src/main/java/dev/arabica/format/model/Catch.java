package dev.arabica.format.model;

/** A catch clause of {@code try_table}: which exceptions it catches and the label it branches to. */
public record Catch(Kind kind, int tag, int label) {

    /** The four clause forms, with their binary codes; {@code tag} is -1 for the {@code _all} forms. */
    public enum Kind {
        CATCH(0x00, "catch"),
        CATCH_REF(0x01, "catch_ref"),
        CATCH_ALL(0x02, "catch_all"),
        CATCH_ALL_REF(0x03, "catch_all_ref");

        private final int code;
        private final String text;

        Kind(int code, String text) {
            this.code = code;
            this.text = text;
        }

        public int code() {
            return code;
        }

        public String text() {
            return text;
        }

        public boolean hasTag() {
            return this == CATCH || this == CATCH_REF;
        }
    }
}
