// How the checker reads `include`d files: FlexLanguage does no I/O itself, the caller supplies this.

public protocol SourceLoader: Sendable {
    /// Resolve an `include` path relative to the including file's path; nil when no such file.
    /// `canonicalPath` names the file in diagnostics and decides "the same file" for include-once
    /// and cycle detection, so two spellings of one file must give the same canonical path.
    func load(_ path: String, relativeTo includingPath: String) -> (canonicalPath: String, bytes: [UInt8])?
}
