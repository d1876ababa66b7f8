// Every command of the table appears in at least one script of the corpus (fixtures/scripts/,
// examples/), so each has a run with checked output, on the simulator and through `flex serve`;
// and every command that can fail is made to fail in one (`expect error`).
import FlexLanguage
import FlexTestSupport
import Testing

@Suite struct CommandCoverageTests {
    /// Commands no script can make answer with a Flex error, with why.
    static let cannotFail: [CommandName: String] = [
        .clockShow: "it only reads the simulator's time",
        .simReset: "it takes nothing and always succeeds",
        .simSnapshot: "any word names a snapshot",
        .productProcessingStatus: "it takes no parameters",
        .simEvents: "it filters the simulator's log: a filter that matches nothing is an empty list",
        .declineNext: "any decline code is accepted, and a bad count is refused before anything is sent",
    ]

    static let corpus: CommandUses = {
        var uses = CommandUses()
        for (number, path) in ScriptCorpus.all.enumerated() {
            let text = FileSystem.read(Flex.root + "/" + path) ?? ""
            uses.add(Parser.parse(SourceFile(id: FileID(rawValue: number), path: path, text: text)).program)
        }
        return uses
    }()

    static func phrases(_ names: [CommandName]) -> String {
        names.map { CommandTable.syntax($0).displayPhrase }.joined(separator: ", ")
    }

    @Test func everyCommandAppearsInAScript() {
        let unused = CommandName.allCases.filter { !Self.corpus.all.contains($0) }
        #expect(unused.isEmpty, "no script of fixtures/scripts/ or examples/ uses: \(Self.phrases(unused))")
    }

    @Test func everyCommandThatCanFailFailsInAScript() {
        let neverFailing = CommandName.allCases.filter { !Self.corpus.expectedToFail.contains($0) && Self.cannotFail[$0] == nil }
        #expect(neverFailing.isEmpty, "no script expects an error from: \(Self.phrases(neverFailing))")
        let failing = Self.cannotFail.keys.filter { Self.corpus.expectedToFail.contains($0) }
        #expect(failing.isEmpty, "listed as unable to fail, yet a script expects an error from: \(Self.phrases(failing))")
    }
}
