// Which Flex a run talks to: the embedded simulator (default), the live API over HTTP (or a
// `flex serve`), or a recording; plus recording every exchange. Shared by run, repl and test:
// the composition root, the only place that knows which backends exist.
import ArgumentParser
import FlexAPI
import FlexHTTP
import FlexInterpreter
import FlexSimulator
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum BackendKind: String, ExpressibleByArgument, CaseIterable {
    case sim, live
}

struct BackendOptions: ParsableArguments {
    @Option(help: "sim (the embedded simulator) or live (the Flex API over HTTP; key from FLEX_API_KEY or the config file).")
    var backend: BackendKind = .sim

    @Option(help: ArgumentHelp("The API base URL for --backend live, ending in the version (default https://api.withflex.com/v1, or FLEX_API_BASE).", valueName: "URL"))
    var baseURL: String?

    @Flag(help: "Allow a production (non fsk_test_) key; at a terminal you are asked to confirm.")
    var allowProduction = false

    @Option(help: ArgumentHelp("How often the live backend retries a failed request (connection failures, 429, 5xx).", valueName: "N"))
    var retries = BackendOptions.defaultRetries

    static let defaultRetries = 3

    @Option(help: ArgumentHelp("Write every request/response as JSON lines (secrets scrubbed).", valueName: "FILE"), completion: .file())
    var record: String?

    @Option(help: ArgumentHelp("Answer from a recording made with --record, without network.", valueName: "FILE"), completion: .file())
    var replay: String?

    @Option(help: ArgumentHelp("Against a flex serve: work in the sandbox NAME as it is (created on first use, never reset or deleted), or in the server's own world with 'default'. Without it a run gets a fresh sandbox from --seed, deleted at the end.", valueName: "NAME"))
    var sandbox: String?

    @Flag(name: .shortAndLong, help: "Show each exchange on stderr (method, path, status, time, attempt, Idempotency-Key); -vv adds the bodies.")
    var verbose: Int

    /// What the run needs: a backend factory and its description, the Idempotency-Key
    /// namespace, and what to close at the end.
    struct Plan {
        var makeBackend: RunConfiguration.BackendFactory
        var description: BackendDescription
        var idempotencyNamespace: String?
        var finish: @Sendable () async -> Void
        /// Where `flex test` runs its workers and `flex run` its script: the live client's lanes
        /// (none: the global pool).
        var workerExecutors: [any TaskExecutor] = []

        static let embeddedSimulator = Plan(makeBackend: { BackendOptions.traced(SimulatedFlex(seed: $0)) }, description: .embeddedSimulator,
                                            idempotencyNamespace: nil, finish: {})

        /// The run's configuration with this backend; the caller sets what its command adds.
        func configuration(seed: UInt64) -> RunConfiguration {
            RunConfiguration(backend: description, makeBackend: makeBackend, seed: seed, idempotencyNamespace: idempotencyNamespace)
        }
    }

    /// The plan, with its mode already announced on stderr (unless `announce` is false: the REPL
    /// shows it in its banner); nil, with the reason written, when the options do not fit.
    /// `isolatesCases` (`flex test`): against a `flex serve`, every backend the factory makes gets
    /// a sandbox of its own; otherwise the run has one sandbox that each backend resets.
    /// `resetRemote` false leaves a `flex serve` as it is: no sandbox, no reset (`flex trigger` adds
    /// to the shop's own state in the default simulator, whose webhooks the server delivers).
    func start(output: StandardOutputSink, announce: Bool = true, isolatesCases: Bool = false, resetRemote: Bool = true) -> Plan? {
        TraceSwitch.process.level = TraceSwitch.Level(rawValue: min(verbose, TraceSwitch.Level.bodies.rawValue)) ?? .off
        do {
            let plan = try plan(output: output, isolatesCases: isolatesCases, resetRemote: resetRemote)
            if announce, plan.description.isAnnounced { output.write("flex: \(plan.description.displayName)\n", to: .standardError) }
            return plan
        } catch {
            output.write("flex: \(FlexCommand.message(for: error))\n", to: .standardError)
            return nil
        }
    }

    func plan(output: StandardOutputSink, isolatesCases: Bool = false, resetRemote: Bool = true) throws -> Plan {
        if let sandbox {
            guard backend == .live, replay == nil else { throw ValidationError("--sandbox \(sandbox) needs --backend live (a flex serve)") }
            guard !isolatesCases else {
                throw ValidationError("flex test gives every case a sandbox of its own; --sandbox is for run, repl and trigger")
            }
        }
        if let replay, record != nil || backend == .live {
            throw ValidationError("--replay answers from a file; it cannot be combined with --backend live or --record (replaying \(replay))")
        }
        if let replay {
            let replaying: ReplayingBackend
            do { replaying = try ReplayingBackend(path: replay) } catch { throw ValidationError(error.message) }
            let traced = Self.traced(replaying)
            return Plan(makeBackend: { _ in traced },
                        description: BackendDescription(kind: .replay, displayName: "replaying \(replay) (no network)"),
                        idempotencyNamespace: nil, finish: {})
        }
        switch backend {
        case .sim:
            guard baseURL == nil else { throw ValidationError("--base-url needs --backend live") }
            guard record == nil else {
                throw ValidationError("--record needs --backend live; the simulator is deterministic, so re-running the script reproduces it")
            }
            guard retries >= 0 else { throw ValidationError("--retries takes 0 or more") }
            return Self.simulatorPlan(retries: retries)
        case .live:
            guard retries >= 0 else { throw ValidationError("--retries takes 0 or more") }
            let configuration: HTTPFlexConfiguration
            do {
                configuration = try HTTPFlexConfiguration.fromEnvironment(baseURL: baseURL, allowProduction: allowProduction)
            } catch {
                throw ValidationError(error.message)
            }
            let http: HTTPFlex
            do { http = try HTTPFlex(configuration: configuration) } catch { throw ValidationError(error.message) }
            if http.mode == .production, isatty(0) != 0, !Self.confirmProduction(http, output: output) {
                Task { await http.shutdown() }
                throw ValidationError("not confirmed; nothing was sent")
            }
            // Retries sit inside the recording: it holds each request's final outcome, not every attempt.
            let policy = RetryPolicy(maxAttempts: retries + 1)
            // The overall budget ends every attempt and wait of a request by one deadline.
            let retrying = TimeBudgetBackend(wrapping: RetryingBackend(wrapping: Self.traced(http), policy: policy, secrets: [configuration.apiKey]),
                                             total: policy.maxTotalTime)
            var backend: any FlexBackend = retrying
            var recorder: RecordingBackend?
            if let record {
                do { recorder = try RecordingBackend(wrapping: retrying, path: record, secrets: [configuration.apiKey]) } catch { throw ValidationError(error.message) }
                backend = recorder ?? retrying
            }
            let shared = backend, openRecording = recorder
            let mode = http.mode == .production ? "PRODUCTION" : "test mode"
            let place = sandbox.map { $0 == Self.serverWorld ? ", the server's own world" : ", sandbox \($0)" } ?? ""
            let description = "live API \(configuration.baseURL) (\(mode), key \(KeyRedaction.redact(configuration.apiKey))\(place))"
            let namespace = Self.randomNamespace()
            // Sandbox resets and deletes bypass the recording: it holds only the script's requests.
            let sandboxes = RemoteSandboxes(control: retrying, runName: "flex-" + namespace)
            let makeBackend: RunConfiguration.BackendFactory
            if let sandbox {
                // Kept as it is: no reset at the start or at a scenario, nothing deleted at the end.
                let kept: any FlexBackend = sandbox == Self.serverWorld ? shared : NamedSandbox(wrapping: shared, name: sandbox)
                makeBackend = { _ in kept }
            } else if resetRemote {
                makeBackend = { sandboxes.backend(wrapping: shared, seed: $0, isolated: isolatesCases) }
            } else {
                makeBackend = { _ in shared }
            }
            return Plan(makeBackend: makeBackend,
                        description: BackendDescription(kind: .liveAPI, displayName: description, honoursStopSignal: true),
                        idempotencyNamespace: namespace,
                        finish: { await sandboxes.finish(); openRecording?.close(); await http.shutdown() },
                        workerExecutors: http.executors)
        }
    }

    /// The embedded simulator behind the same client layer as live, so --retries means the same;
    /// its waits do not sleep. The trace sits inside the retries, as on the live backend, so each
    /// attempt is a line.
    static func simulatorPlan(retries: Int) -> Plan {
        let policy = RetryPolicy(maxAttempts: retries + 1, sleep: { _ in })
        return Plan(makeBackend: { RetryingBackend(wrapping: Self.traced(SimulatedFlex(seed: $0)), policy: policy) },
                    description: .embeddedSimulator, idempotencyNamespace: nil, finish: {})
    }

    /// `--sandbox default`: the server's own world, which requests without a sandbox header reach.
    static let serverWorld = "default"

    /// Every backend is traced (one line per attempt on stderr) while `TraceSwitch.process` is on:
    /// `--verbose` sets it, the REPL's `.trace` flips it.
    static func traced(_ backend: any FlexBackend) -> any FlexBackend {
        TracingBackend(wrapping: backend, write: TracingBackend.standardError)
    }

    /// A production key at a terminal: say so plainly and ask; anything but "yes" stops.
    static func confirmProduction(_ http: HTTPFlex, output: StandardOutputSink) -> Bool {
        let key = KeyRedaction.redact(http.configuration.apiKey)
        output.write("This key (\(key)) is a PRODUCTION key: real cards will be charged. Type yes to continue: ", to: .standardError)
        return readLine()?.trimmingCharacters(in: " \t") == "yes"
    }

    /// 64 random bits from the kernel, as hex: unique per run, so keys never repeat across runs.
    static func randomNamespace() -> String {
        var bytes = [UInt8](repeating: 0, count: 8)
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8) }
            close(fd)
        }
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        var mixed = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } ^ UInt64(truncatingIfNeeded: clock.tv_nsec)
        var text = ""
        for _ in 0..<16 {
            text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(mixed & 0xF) + (mixed & 0xF > 9 ? 39 : 0))))
            mixed >>= 4
        }
        return text
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
