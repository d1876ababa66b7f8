// How `flex serve` finds flex-serve (ServerProgramLocator) and what it says when it cannot, plus
// the serve options that flex itself now parses and validates before handing over.
import FlexServeSupport
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ServerProgramLocatorTests {
    /// A locator over a made-up file system: `executables` are the runnable files, `links` what realpath resolves.
    func locator(proc: String?, argv0: String, environment: [String: String] = [:],
                 executables: Set<String>, links: [String: String] = [:]) -> ServerProgramLocator {
        ServerProgramLocator(
            kernelExecutablePath: proc, invokedAs: argv0, environment: { environment[$0] },
            isExecutable: { executables.contains($0) },
            canonicalPath: { path in links[path] ?? (executables.contains(path) ? path : nil) })
    }

    @Test func prefersTheProgramBesideFlexThenLibexec() {
        #expect(ServerProgramLocator.candidates(besideExecutable: "/opt/flex/bin/flex")
                == ["/opt/flex/bin/flex-serve", "/opt/flex/libexec/flex/flex-serve"])
        let installed = locator(proc: "/opt/flex/bin/flex", argv0: "flex",
                                executables: ["/opt/flex/bin/flex", "/opt/flex/libexec/flex/flex-serve"])
        #expect(installed.locate() == .found("/opt/flex/libexec/flex/flex-serve"))
        let built = locator(proc: "/src/.build/release/flex", argv0: "flex",
                            executables: ["/src/.build/release/flex-serve", "/src/.build/libexec/flex/flex-serve"])
        #expect(built.locate() == .found("/src/.build/release/flex-serve"))
    }

    @Test func withoutProcResolvesArgv0ThroughPathAndSymlinks() {
        // /usr/local/bin/flex is a link to /opt/flex/bin/flex; the first PATH entry has no flex.
        let viaPath = locator(proc: nil, argv0: "flex", environment: ["PATH": "/usr/bin:/usr/local/bin"],
                              executables: ["/usr/local/bin/flex", "/opt/flex/libexec/flex/flex-serve"],
                              links: ["/usr/local/bin/flex": "/opt/flex/bin/flex"])
        #expect(viaPath.executablePath() == "/opt/flex/bin/flex")
        #expect(viaPath.locate() == .found("/opt/flex/libexec/flex/flex-serve"))
        let relative = locator(proc: nil, argv0: "./bin/flex", executables: ["/home/u/flex-serve"],
                               links: ["./bin/flex": "/home/u/bin/flex"])
        #expect(relative.executablePath() == "/home/u/bin/flex")
        #expect(relative.locate() == .missing(searched: ["/home/u/bin/flex-serve", "/home/u/libexec/flex/flex-serve"]))
        // An empty PATH entry is the current directory.
        let emptyEntry = locator(proc: nil, argv0: "flex", environment: ["PATH": "/nowhere:"], executables: ["./flex"],
                                 links: ["./flex": "/work/flex"])
        #expect(emptyEntry.executablePath() == "/work/flex")
    }

    @Test func theEnvironmentOverrideWinsAndIsCheckedToo() {
        let named = locator(proc: "/opt/flex/bin/flex", argv0: "flex",
                            environment: [ServerProgramLocator.overrideVariable: "/elsewhere/flex-serve"],
                            executables: ["/elsewhere/flex-serve", "/opt/flex/bin/flex-serve"])
        #expect(named.locate() == .found("/elsewhere/flex-serve"))
        let wrong = locator(proc: "/opt/flex/bin/flex", argv0: "flex",
                            environment: [ServerProgramLocator.overrideVariable: "/typo/flex-serve"],
                            executables: ["/opt/flex/bin/flex-serve"])
        #expect(wrong.locate() == .missing(searched: ["/typo/flex-serve (from FLEX_SERVE_PROGRAM)"]))
    }

    @Test func aFlexFoundNowhereSearchesNothing() {
        let lost = locator(proc: nil, argv0: "flex", environment: ["PATH": "/usr/bin"], executables: [])
        #expect(lost.executablePath() == nil)
        #expect(lost.locate() == .missing(searched: []))
    }
}

@Suite struct ServeCommandLineTests {
    @Test func aMissingServerProgramIsNamedWithWhereFlexLooked() throws {
        let result = try Flex.run(["serve", "--port", "0"], environment: [ServerProgramLocator.overrideVariable: "/no/such/flex-serve"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("cannot find the flex-serve program"))
        #expect(result.stderr.contains("  /no/such/flex-serve (from FLEX_SERVE_PROGRAM)\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func flexItselfRejectsBadServeOptions() throws {
        let port = try Flex.run(["serve", "--port", "70000"])
        #expect(port.exitCode == 1)
        #expect(port.stderr.contains("--port must be 0 to 65535"))
        let unknown = try Flex.run(["serve", "--prot", "1"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("--prot"))
    }

    @Test func helpAndCompletionsKnowTheServeOptions() throws {
        let help = try Flex.run(["serve", "--help"])
        for option in ["--host", "--port", "--seed", "--quiet"] { #expect(help.stdout.contains(option)) }
        // Each shell's own spelling of "the option --port" and of "files ending in .flex".
        let expected = [("bash", "--port", "'!*.@(flex)'"), ("zsh", "--port", "*.flex"), ("fish", "-l 'port'", "*.\\'flex\\'")]
        for (shell, port, flexFiles) in expected {
            let script = try Flex.run(["--generate-completion-script", shell])
            #expect(script.exitCode == 0)
            #expect(script.stdout.contains(port) && script.stdout.contains("quiet"), "\(shell)")
            #expect(script.stdout.contains(flexFiles), "\(shell)")
        }
    }
}
