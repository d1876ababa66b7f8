// Golden diagnostics: every fixtures/diagnostics/<case>.flex, parsed and checked, renders exactly its
// <case>.err. FLEX_UPDATE_GOLDEN=1 rewrites the .err files instead of comparing.
import Testing
@testable import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads and writes the golden files with plain stdio (no Foundation in this project).
enum GoldenFiles {
    /// The repository root: this file is <root>/Tests/FlexLanguageTests/GoldenDiagnosticsTests.swift.
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let directory = "fixtures/diagnostics"

    /// Case names (file names without `.flex`) directly inside fixtures/diagnostics, sorted.
    static func cases() -> [String] {
        guard let handle = opendir(root + "/" + directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".flex") { names.append(String(name.dropLast(5))) }
        }
        return names.sorted()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let stream = fopen(path, "rb") else { return nil }
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static func write(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let stream = fopen(path, "wb") else { return false }
        defer { fclose(stream) }
        return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) } == bytes.count
    }

    static var isUpdating: Bool {
        guard let value = getenv("FLEX_UPDATE_GOLDEN") else { return false }
        return String(cString: value) == "1"
    }
}

/// Resolves includes against the including file's directory, names files relative to the
/// repository root (as diagnostics show them) and reads them from disk.
struct FileSystemSourceLoader: SourceLoader {
    let root: String

    func load(_ path: String, relativeTo includingPath: String) -> (canonicalPath: String, bytes: [UInt8])? {
        var parts = path.hasPrefix("/") ? [] : includingPath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        let canonical = parts.joined(separator: "/")
        return GoldenFiles.read(root + "/" + canonical).map { (canonical, $0) }
    }
}

@Suite struct GoldenDiagnosticsTests {
    @Test(arguments: GoldenFiles.cases())
    func golden(_ name: String) throws {
        let path = "\(GoldenFiles.directory)/\(name).flex"
        let bytes = try #require(GoldenFiles.read(GoldenFiles.root + "/" + path), "cannot read \(path)")
        let sources = SourceManager()
        let file = sources.add(path: path, bytes: bytes)
        let parsed = Parser.parse(file)
        let checked = Checker(sources: sources, loader: FileSystemSourceLoader(root: GoldenFiles.root)).check(parsed.program)
        let diagnostics = parsed.diagnostics + checked.diagnostics
        let rendered = DiagnosticRenderer(sources: sources).render(diagnostics)

        #expect(diagnostics.count == 1, "each golden case has exactly one problem; got:\n\(rendered)")
        let errPath = GoldenFiles.root + "/" + GoldenFiles.directory + "/\(name).err"
        if GoldenFiles.isUpdating {
            #expect(GoldenFiles.write(errPath, Array(rendered.utf8)), "cannot write \(errPath)")
        } else {
            let expected = try #require(GoldenFiles.read(errPath), "missing \(name).err (run with FLEX_UPDATE_GOLDEN=1)")
            #expect(rendered == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func thereAreEnoughCases() {
        #expect(GoldenFiles.cases().count >= 45)
    }

    @Test func everyErrFileHasItsCase() throws {
        let cases = Set(GoldenFiles.cases())
        let handle = try #require(opendir(GoldenFiles.root + "/" + GoldenFiles.directory))
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".err") { #expect(cases.contains(String(name.dropLast(4))), "\(name) has no .flex") }
        }
    }
}
