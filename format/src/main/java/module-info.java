/** The {@code .nwf} container (SPEC.md §2): chunks, level index, truncation-tolerant reading. No model knowledge. */
module dev.nwf.format {
    requires com.fasterxml.jackson.databind;

    exports dev.nwf.format;
}
