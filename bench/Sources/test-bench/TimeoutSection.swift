// `test-bench --timeout`: what one endless case costs a big run under `--timeout 2s`. The same
// 4,000 cases run with and without an extra endless case (both with the timeout, in the same
// process, one after the other); the endless one should add about the timeout and no more.
import FlexInterpreter
import FlexSimulator
import FlexTesting
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum TimeoutSection {
    static let caseCount = 4_000
    static let timeout = CaseTimeout(milliseconds: 2_000)

    static func run(jobs: Int) async {
        var template = Array("/tmp/flex-timeout-bench-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return }
        let directory = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var paths: [String] = []
        for index in 0..<caseCount {
            let path = directory + "/t\(index).flex"
            _ = TestFileSystem.write("scenario \"adds \(index)\" {\n  expect \(index) + 1 == \(index + 1)\n}\n", to: path)
            paths.append(path)
        }
        let endless = directory + "/endless.flex"
        _ = TestFileSystem.write("scenario \"never ends\" {\n  let n = 0\n  repeat 1000000000000 { n = n + 1 }\n}\n", to: endless)

        let without = await seconds(paths, jobs: jobs)
        let with = await seconds(paths + [endless], jobs: jobs)
        print("flex test --timeout \(timeout.text), \(caseCount) cases, -j \(jobs): \(format(without.seconds)) s without the endless case "
              + "(\(without.line)), \(format(with.seconds)) s with it (\(with.line)); "
              + "it adds \(format(with.seconds - without.seconds)) s (target: at most 2 s)")

        for path in paths + [endless] { unlink(path) }
        rmdir(directory)
    }

    static func seconds(_ paths: [String], jobs: Int) async -> (seconds: Double, line: String) {
        let configuration = RunConfiguration(backend: .embeddedSimulator, makeBackend: { SimulatedFlex(seed: $0) })
        let clock = ContinuousClock()
        let started = clock.now
        let summary = await TestRunner(options: TestOptions(configuration: configuration, jobs: jobs, timeout: timeout))
            .run(paths: paths, reporters: [])
        let elapsed = clock.now - started
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, summary.line)
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return sign + "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }
}
