// `flex version`: the same line as `flex --version`, for people who type it as a word.
import ArgumentParser
import FlexAPI
import FlexInterpreter

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print flex's version and the Swift it was built with.")

    func execute(output: StandardOutputSink) -> Int32 {
        output.write(FlexVersion.description + "\n", to: .standardOutput)
        return ExitStatus.success
    }
}
