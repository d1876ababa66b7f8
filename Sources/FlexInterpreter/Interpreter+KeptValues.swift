// `flex run` exits right after Ctrl-C: the elements a stopped loop or list copy held are kept
// instead of freed while the interruption unwinds, so the user does not wait for millions of
// elements to be released just before the process ends (docs/performance.md (h)).

extension Interpreter {
    /// Keeps `elements` alive when this run is one the process ends after (`flex run`) and
    /// `failure` is an interruption; anything else is freed as usual. Returns `failure` to throw.
    func keepingElements(_ elements: [Value], through failure: any Error) -> any Error {
        if keepsValuesWhenInterrupted, let script = failure as? ScriptFailure, case .interrupted = script.kind {
            keptAfterInterruption.append(elements)
        }
        return failure
    }
}
