// The `flex` command line: parses arguments with swift-argument-parser and hands each
// subcommand to one ScriptRunner call, so everything testable lives in FlexInterpreter.
// Synchronous top-level code on purpose: the async commands run through MainThread.run.
import ArgumentParser
import FlexInterpreter
import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the command line and exits with its status. Not on the main actor: the output and the
/// chosen command go to the task that MainThread.run starts.
func runFlex(_ commandLine: [String]) -> Never {
    let output = StandardOutputSink()
    func finish(_ code: Int32) -> Never { MainThread.exit(code, flushing: output) }

    var arguments = commandLine
    // No arguments: the REPL on a terminal; a script from a pipe.
    if arguments.isEmpty { arguments = ["repl"] }
    // `flex script.flex …` and `flex ./script` are `flex run …`.
    if let first = arguments.first, !FlexCommand.subcommandNames.contains(first), !first.hasPrefix("-"),
       first.hasSuffix(".flex") || (first.contains("/") && isRegularFile(first)) {
        arguments.insert("run", at: 0)
    }
    if let files = PlainRun.files(arguments) {
        MainThread.run { finish(await PlainRun.run(files, output: output)) }
    }

    do {
        let command = try FlexCommand.parseAsRoot(arguments)
        switch command {
        case let run as RunCommand: MainThread.run { finish(await run.execute(output: output)) }
        case let check as CheckCommand: finish(check.execute(output: output))
        case let repl as ReplCommand: MainThread.run { finish(await repl.execute(output: output)) }
        case let test as TestCommand: MainThread.run { finish(await test.execute(output: output)) }
        case let serve as ServeCommand: finish(serve.execute(output: output))
        case let trigger as TriggerCommand: MainThread.run { finish(await trigger.execute(output: output)) }
        case let version as VersionCommand: finish(version.execute(output: output))
        case let fmt as FmtCommand: finish(fmt.execute(output: output))
        default:
            // `flex help run` and the like: argument-parser prints the help itself.
            var other = command
            try other.run()
            finish(ExitStatus.success)
        }
    } catch {
        if FlexCommand.exitCode(for: error) == .success {
            output.write(FlexCommand.fullMessage(for: error) + "\n", to: .standardOutput)
            finish(ExitStatus.success)
        }
        output.write("flex: " + FlexCommand.message(for: error) + "\nrun 'flex --help' for usage\n", to: .standardError)
        finish(ExitStatus.usage)
    }
}

func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

runFlex(Array(CommandLine.arguments.dropFirst()))
