// `flex serve`: hands over to the flex-serve program installed beside flex (see its header for
// why it is a program of its own), with the same arguments.
import ArgumentParser
import FlexInterpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the simulator over HTTP: flex serve [--host 127.0.0.1] [--port 4010|0] [--seed N] [--quiet] [--forward-to URL] (flex serve --help lists all).")

    @Argument(parsing: .captureForPassthrough, help: "Options for flex-serve (flex serve --help lists them).")
    var arguments: [String] = []

    /// Replaces this process with flex-serve; returns only when that fails.
    func execute(output: StandardOutputSink) -> Int32 {
        let program = Self.serverProgram()
        output.flush()
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        output.write("flex: cannot start \(program): \(String(cString: strerror(errno)))\n"
                     + "flex serve needs the flex-serve program beside flex (swift build --product flex-serve)\n",
                     to: .standardError)
        return ExitStatus.usage
    }

    /// flex-serve in the directory of the running flex.
    static func serverProgram() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "flex"
        guard let slash = executable.lastIndex(of: "/") else { return "flex-serve" }
        return executable[...slash] + "flex-serve"
    }
}
