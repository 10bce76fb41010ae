/**
 * The {@code .nwf} container (SPEC.md §2): chunks, level index, truncation-tolerant reading. No model knowledge and no
 * dependency (it compiles to the browser too).
 */
module dev.nwf.format {
    exports dev.nwf.format;
}
