package dev.nwf.conformance;
/** The outcome of one case. */
public record CaseResult(String name, boolean passed, String detail) {
}
