// Golden formatting: every fixtures/fmt/<case>.flex (deliberately messy) formats to exactly its
// <case>.formatted. FLEX_UPDATE_GOLDEN=1 rewrites the .formatted files instead of comparing.
import Testing
@testable import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite struct GoldenFormatTests {
    static let directory = GoldenFiles.root + "/fixtures/fmt"

    static func cases() -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".flex") { names.append(String(name.dropLast(5))) }
        }
        return names.sorted()
    }

    @Test func thereAreGoldenCases() {
        #expect(Self.cases().count >= 4)
    }

    @Test(arguments: cases())
    func formatsToItsGoldenFile(_ name: String) throws {
        let input = try #require(GoldenFiles.read(Self.directory + "/\(name).flex"))
        let file = SourceFile(id: FileID(rawValue: 0), path: "\(name).flex", bytes: input)
        guard case .success(let formatted) = Formatter.format(file) else {
            Issue.record("\(name).flex does not parse")
            return
        }
        let goldenPath = Self.directory + "/\(name).formatted"
        if GoldenFiles.isUpdating {
            #expect(GoldenFiles.write(goldenPath, formatted))
            return
        }
        let golden = try #require(GoldenFiles.read(goldenPath), "missing \(name).formatted (FLEX_UPDATE_GOLDEN=1 writes it)")
        #expect(String(decoding: formatted, as: UTF8.self) == String(decoding: golden, as: UTF8.self))
        let again = SourceFile(id: FileID(rawValue: 1), path: "\(name).formatted", bytes: formatted)
        guard case .success(let twice) = Formatter.format(again) else {
            Issue.record("\(name): the formatted text does not parse")
            return
        }
        #expect(twice == formatted, "\(name): formatting twice changes it")
        #expect(SyntaxShape.of(Parser.parse(file).program) == SyntaxShape.of(Parser.parse(again).program))
    }
}
