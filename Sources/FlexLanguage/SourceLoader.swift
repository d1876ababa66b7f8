// How the checker reads `include`d files: FlexLanguage does no I/O itself, the caller supplies this.

public protocol SourceLoader: Sendable {
    /// Resolve an `include` path relative to the including file's path; nil when no such file.
    /// `canonicalPath` names the file in diagnostics and decides "the same file" for include-once
    /// and cycle detection, so two spellings of one file must give the same canonical path.
    func load(_ path: String, relativeTo includingPath: String) -> (canonicalPath: String, bytes: [UInt8])?
    /// Why `load` gave nil, when it was not a plain "no such file" (see the extension).
    func problem(loading path: String, relativeTo includingPath: String) -> String?
}

extension SourceLoader {
    /// Why `load` found nothing at `path` in words ("is a directory"), when the loader can tell;
    /// nil means it simply does not exist.
    public func problem(loading path: String, relativeTo includingPath: String) -> String? { nil }
}
