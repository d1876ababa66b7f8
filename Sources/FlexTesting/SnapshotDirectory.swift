// The snapshot files of one test case: `<dir of file>/__snapshots__/<file stem>/<scenario>/<name>.json`
// (no scenario level for a file without scenarios). See docs/testing.md "Snapshots".
import FlexInterpreter

final class SnapshotDirectory: SnapshotStore {
    let directory: String
    let update: Bool
    let ci: Bool
    private(set) var written: [String] = []

    init(for testCase: TestCase, update: Bool, ci: Bool) {
        directory = SnapshotDirectory.directory(for: testCase)
        self.update = update
        self.ci = ci
    }

    static func directory(for testCase: TestCase) -> String {
        let path = testCase.file
        var parent = ""
        var name = Substring(path)
        if let slash = path.lastIndex(of: "/") {
            parent = String(path[...slash])
            name = path[path.index(after: slash)...]
        }
        let stem = name.hasSuffix(".flex") ? String(name.dropLast(5)) : String(name)
        var directory = parent + "__snapshots__/" + stem
        if let scenario = testCase.scenario { directory += "/" + slug(scenario) }
        return directory
    }

    /// A scenario name as a directory name: lower-case letters and digits, runs of anything else as `-`.
    static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug += String(scalar).lowercased()
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "scenario" : slug
    }

    func check(name: String, text: String) -> SnapshotOutcome {
        let path = directory + "/" + name + ".json"
        let stored = TestFileSystem.read(path)
        if let stored, stored == text { return .matched }
        if update || (stored == nil && !ci) {
            if let problem = TestFileSystem.write(text, to: path) { return .unwritable(path: path, reason: problem) }
            written.append(path)
            return .written(path: path)
        }
        guard let stored else { return .missing(path: path) }
        return .mismatch(path: path, stored: stored)
    }
}
