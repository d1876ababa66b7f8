// `flex serve`: parses the server's options (declared once in FlexServeSupport, so help, the man
// page and completions know them) and hands over to the flex-serve program (see its header for
// why it is a program of its own), found by ServerProgramLocator.
import ArgumentParser
import FlexInterpreter
import FlexServeSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the simulator over HTTP, with Flex's wire format (loopback by default).",
        discussion: """
        Runs the flex-serve program, looked for beside flex and then in PREFIX/libexec/flex/ \
        (\(ServerProgramLocator.overrideVariable) names it outright). It prints one line with the \
        URL it listens on, then one access-log line per request on stderr; Ctrl-C stops it.
        """)

    @OptionGroup var options: ServeOptions

    /// Replaces this process with flex-serve; returns only when that fails.
    func execute(output: StandardOutputSink) -> Int32 {
        let locator = ServerProgramLocator.forThisProcess(invokedAs: CommandLine.arguments.first ?? "flex")
        let program: String
        switch locator.locate() {
        case .found(let path):
            program = path
        case .missing(let searched):
            output.write("flex: cannot find the flex-serve program that flex serve runs; looked for:\n"
                         + searched.map { "  \($0)\n" }.joined()
                         + "build it beside flex (swift build --product flex-serve), install flex with make install, "
                         + "or set \(ServerProgramLocator.overrideVariable) to its path\n",
                         to: .standardError)
            return ExitStatus.usage
        }
        output.flush()
        let argv = ([program] + options.arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        output.write("flex: cannot start \(program): \(String(cString: strerror(errno)))\n", to: .standardError)
        return ExitStatus.usage
    }
}
