// Finds the scripts the runner executes: fixtures/scripts/**/*.flex (except lib/ folders) and examples/*.flex.
import FlexTestSupport

/// The scripts the runner executes: paths relative to the repository root.
enum ScriptCorpus {
    static let all: [String] = collect("fixtures/scripts") + collect("examples", recursive: false)

    /// `.flex` files under `directory`, skipping `lib/` folders (files other scripts include).
    static func collect(_ directory: String, recursive: Bool = true) -> [String] {
        var found: [String] = []
        for name in FileSystem.list(Flex.root + "/" + directory) {
            let relative = directory + "/" + name
            if FileSystem.isDirectory(Flex.root + "/" + relative) {
                if recursive && name != "lib" { found += collect(relative) }
            } else if name.hasSuffix(".flex") {
                found.append(relative)
            }
        }
        return found
    }
}
