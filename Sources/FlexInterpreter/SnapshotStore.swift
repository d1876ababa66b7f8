// Where `expect snapshot NAME: VALUE` keeps its expected JSON: `flex test` supplies a store
// on disk (FlexTesting.SnapshotDirectory); without one the expectation only evaluates its value.

public protocol SnapshotStore: AnyObject {
    /// Compares `text` (masked, pretty JSON) with the stored snapshot `name` of the current case,
    /// writing it when asked to or when it is missing and missing snapshots are recorded.
    func check(name: String, text: String) -> SnapshotOutcome
}

public enum SnapshotOutcome: Sendable, Equatable {
    case matched
    /// Written for the first time (a missing snapshot outside CI mode, or `--update-snapshots`).
    case written(path: String)
    case mismatch(path: String, stored: String)
    /// Missing in CI mode: a failure, nothing written.
    case missing(path: String)
    case unwritable(path: String, reason: String)
}
