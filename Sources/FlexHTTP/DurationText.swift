// Durations as people write them in messages and trace lines: `30 s`, `250 ms`, `1.5 ms`.

enum DurationText {
    /// Whole seconds as `30 s`, else whole milliseconds as `250 ms`.
    static func short(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }
}
