// Persistent history: location, file modes, append-as-you-go, duplicates, bounds, multi-line
// entries as one, and API keys never written.
import Testing
@testable import FlexREPL
#if canImport(Glibc)
import Glibc
#endif

@Suite struct HistoryStoreTests {
    func temporaryDirectory() -> String {
        var template = Array("/tmp/flex-history-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func defaultPathFollowsXDGThenHome() {
        #expect(HistoryStore.defaultPath { ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"][$0] } == "/x/state/flex/history")
        #expect(HistoryStore.defaultPath { ["HOME": "/home/a"][$0] } == "/home/a/.local/state/flex/history")
        #expect(HistoryStore.defaultPath { ["XDG_STATE_HOME": "relative", "HOME": "/home/a"][$0] } == "/home/a/.local/state/flex/history")
        #expect(HistoryStore.defaultPath { _ in nil } == nil)
    }

    @Test func appendsImmediatelyWithPrivateModes() throws {
        let directory = temporaryDirectory() + "/state/flex"
        let path = directory + "/history"
        let store = HistoryStore(path: path)
        store.append("let a = 1")
        // Written at once: a second store (a new process) sees it without any close or save.
        #expect(HistoryStore(path: path).entries == ["let a = 1"])
        #expect(mode(path) == 0o600)
        #expect(mode(directory) == 0o700)
    }

    @Test func dropsConsecutiveDuplicatesAndBlankEntries() {
        let path = temporaryDirectory() + "/history"
        let store = HistoryStore(path: path)
        store.append("a")
        store.append("a")
        store.append("   ")
        store.append("b")
        store.append("a")
        #expect(HistoryStore(path: path).entries == ["a", "b", "a"])
    }

    @Test func multiLineEntriesStayOneEntry() {
        let path = temporaryDirectory() + "/history"
        HistoryStore(path: path).append("let x = [\n  1, \"a\\\\b\"\n]")
        #expect(HistoryStore(path: path).entries == ["let x = [\n  1, \"a\\\\b\"\n]"])
    }

    @Test func neverWritesAnAPIKey() {
        let path = temporaryDirectory() + "/history"
        let store = HistoryStore(path: path)
        #expect(!store.append("let key = \"fsk_test_abcdef123456\""))
        store.append("print 1")
        #expect(HistoryStore(path: path).entries == ["print 1"])
        #expect(!(FileIO.read(path) ?? "").contains("fsk_"))
        #expect(HistoryStore.containsSecret("fsk_live_9f8e7d6c"))
        #expect(!HistoryStore.containsSecret("fsk_ is a prefix"))
        #expect(HistoryStore.containsSecret("let k = \"FSK_TEST_ABCDEF123456\""))
    }

    @Test func boundedInMemoryAndOnDisk() {
        let path = temporaryDirectory() + "/history"
        let store = HistoryStore(path: path, limit: 5)
        for index in 0..<12 { store.append("print \(index)") }
        #expect(store.entries.count == 5)
        let reloaded = HistoryStore(path: path, limit: 5)
        #expect(reloaded.entries == (7..<12).map { "print \($0)" })
        // The reload compacted the file to the bound.
        #expect((FileIO.read(path) ?? "").split(separator: "\n").count == 5)
    }
}
