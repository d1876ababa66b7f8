// Source text as bytes, with line starts computed once so spans (byte offsets) map to line:column.
import FlexSync

/// Identifies one source file inside a `SourceManager`. Spans carry this instead of a reference,
/// so the parser's hot path copies plain integers.
public struct FileID: Hashable, Sendable, Comparable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: FileID, b: FileID) -> Bool { a.rawValue < b.rawValue }
}

/// A half-open byte range `start..<end` in one file. Lines and columns are computed only for display.
///
/// Stored as three 32-bit integers (12 bytes instead of 24): every node of the syntax tree carries
/// spans, so their size is much of the tree's. The lexer rejects sources over 2 GB, so offsets fit.
public struct SourceSpan: Hashable, Sendable {
    private var fileNumber: Int32
    private var startOffset: Int32
    private var endOffset: Int32

    public var file: FileID {
        get { FileID(rawValue: Int(fileNumber)) }
        set { fileNumber = Int32(truncatingIfNeeded: newValue.rawValue) }
    }
    public var start: Int {
        get { Int(startOffset) }
        set { startOffset = Int32(truncatingIfNeeded: newValue) }
    }
    public var end: Int {
        get { Int(endOffset) }
        set { endOffset = Int32(truncatingIfNeeded: newValue) }
    }

    public init(file: FileID, start: Int, end: Int) {
        fileNumber = Int32(truncatingIfNeeded: file.rawValue)
        startOffset = Int32(truncatingIfNeeded: start)
        endOffset = Int32(truncatingIfNeeded: max(start, end))
    }
    /// The smallest span covering both (same file assumed).
    public func merged(with other: SourceSpan) -> SourceSpan {
        var merged = self
        merged.startOffset = min(startOffset, other.startOffset)
        merged.endOffset = max(endOffset, other.endOffset)
        return merged
    }
    public var isEmpty: Bool { startOffset == endOffset }
}

/// A 1-based line and column; the column counts Unicode scalars, not bytes.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

public final class SourceFile: Sendable {
    public let id: FileID
    /// The name shown in diagnostics: the path as the user gave it, or `<stdin>`, `<repl>`.
    public let path: String
    public let bytes: [UInt8]
    /// Worked out at the first `lineStarts`: only locations (diagnostics, runtime errors) need
    /// it, and a clean file never asks; the scan and its growing array cost a tenth of a big
    /// file's parse and check.
    private let lineTable = Locked<[Int]?>(nil)

    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public var lineStarts: [Int] {
        lineTable.withLock { table in
            if let table { return table }
            let starts = SourceFile.lineStarts(of: bytes)
            table = starts
            return starts
        }
    }

    public init(id: FileID, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
    }

    /// Offsets just after each newline, with 0 first. Every file is scanned once before parsing, so
    /// the scan tests eight bytes per step (a byte-at-a-time loop cost as much as lexing a fifth of the file).
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var index = 0
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let newlines = ones &* UInt64(UInt8(ascii: "\n"))
            while index + 8 <= count {
                // The classic "has a zero byte" test on the word XOR '\n' repeated: a set high bit
                // marks a newline, except that a borrow can also mark the byte after one, so each
                // candidate is checked.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ newlines
                var found = (word &- ones) & ~word & highs
                while found != 0 {
                    let offset = index + found.trailingZeroBitCount / 8
                    if raw[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
                    found &= found &- 1
                }
                index += 8
            }
            while index < count {
                if raw[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
                index += 1
            }
        }
        return starts
    }

    public convenience init(id: FileID, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    /// The 0-based index of the line containing `offset`.
    public func lineIndex(of offset: Int) -> Int {
        let lineStarts = self.lineStarts
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        let line = lineIndex(of: clamped)
        let start = lineStarts[line]
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        var column = 1
        var index = start
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The text of a 1-based line without its line terminator.
    public func lineText(_ line: Int) -> String {
        let lineStarts = self.lineStarts
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    public func text(of span: SourceSpan) -> String {
        let start = min(max(0, span.start), bytes.count)
        let end = min(max(start, span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// Owns every file of one run (the main script, its includes, REPL entries) so a span can be
/// turned back into a file name, line and column anywhere.
public final class SourceManager: Sendable {
    private let files = Locked<[SourceFile]>([])

    public init() {}

    @discardableResult
    public func add(path: String, bytes: [UInt8]) -> SourceFile {
        files.withLock { files in
            let file = SourceFile(id: FileID(rawValue: files.count), path: path, bytes: bytes)
            files.append(file)
            return file
        }
    }

    @discardableResult
    public func add(path: String, text: String) -> SourceFile {
        add(path: path, bytes: Array(text.utf8))
    }

    public func file(_ id: FileID) -> SourceFile? {
        files.withLock { files in id.rawValue >= 0 && id.rawValue < files.count ? files[id.rawValue] : nil }
    }

    /// The first file added under `path`, if any (used to include each file once).
    public func file(atPath path: String) -> SourceFile? {
        files.withLock { files in files.first { $0.path == path } }
    }
}
