// Tab completion: command words, clauses at the cursor, word choices, variables, fields, IDs,
// dot-commands and paths; and the common-prefix rule.
import FlexInterpreter
import Testing
@testable import FlexREPL
#if canImport(Glibc)
import Glibc
#endif

final class FakeSession: CompletionSource {
    var variableNames: [String] = ["thermo", "total", "paid"]
    var seenIDs: [String] = ["fcus_01AAA", "fcus_01AAB", "fcs_01XYZ"]
    let hints = ["fcus_01AAA": "customer ada@example.com", "fcs_01XYZ": "checkout_session open $49.98"]
    func hint(forID id: String) -> String? { hints[id] }
    func fieldNames(of path: [String]) -> [String] {
        switch path {
        case ["paid"]: ["status", "customer", "amount_total", "id"]
        case ["paid", "customer"]: []
        default: []
        }
    }
}

@Suite struct CompleterTests {
    let completer = Completer(dotCommands: [".help", ".history", ".load", ".save", ".quit"], fileArgumentDotCommands: [".load", ".save"])
    let session = FakeSession()

    func complete(_ text: String) -> Completion { completer.complete(text, source: session) }

    @Test func commonPrefixThenList() {
        let completion = complete("cust")
        #expect(completion.insertion == "omer")
        #expect(completion.candidates == ["customer", "customers"])
    }

    @Test func uniqueWordGetsASpace() {
        #expect(complete("chec").insertion == "kout")  // checkout, checkouts
        #expect(complete("refu").insertion == "nd")    // refund, refunds share "refund"
        #expect(complete("pa").candidates.contains("paid"))
        #expect(complete("scen").insertion == "ario ")
    }

    @Test func phraseContinuation() {
        #expect(Set(complete("checkout ").candidates).isSuperset(of: ["create", "get", "items", "save_card"]))
        #expect(complete("customer cr").insertion == "eate ")
    }

    @Test func clausesOfTheCommandNotYetUsed() {
        let candidates = complete("checkout items [thermo x2] ").candidates
        #expect(candidates.contains("save_card"))
        #expect(candidates.contains("success"))
        #expect(!candidates.contains("items"))
        #expect(complete("checkout items [thermo] sav").insertion == "e_card ")
    }

    @Test func wordChoicesAfterAClause() {
        #expect(complete("checkout items [thermo] capture m").insertion == "anual ")
        #expect(complete("pay s with card \"4242\" lmn ").candidates == ["approved", "denied"])
    }

    @Test func commandsAfterLetAndInsideExpect() {
        #expect(complete("let s = chec").candidates.contains("checkout"))
        #expect(complete("expect error: cha").insertion == "rge ")
        #expect(complete("let n").candidates.isEmpty)
    }

    @Test func fieldsOfAVariable() {
        #expect(complete("paid.st").insertion == "atus")
        #expect(complete("print paid.am").insertion == "ount_total")
        #expect(complete("paid.customer.").candidates.isEmpty)
    }

    @Test func idsSeenInTheSession() {
        let completion = complete("customer get fcus_")
        #expect(completion.insertion == "01AA")
        #expect(completion.candidates == ["fcus_01AAA", "fcus_01AAB"])
        #expect(complete("checkout get fcs_").insertion == "01XYZ ")
    }

    @Test func dotCommandsAndPaths() {
        #expect(complete(".hi").insertion == "story ")
        #expect(complete(".").candidates.count == 5)
        #expect(complete(".load /proc/self/stat").candidates.contains("/proc/self/status"))
        #expect(complete("include \"/proc/self/stat").candidates.contains("/proc/self/status"))
        #expect(complete(".quit ").candidates.isEmpty)
    }

    @Test func variablesInExpressions() {
        #expect(complete("print tot").insertion == "al ")
        #expect(complete("expect le").insertion == "n ")
    }

    @Test func afterACommandOnlyItsUnusedClauses() {
        let afterItems = complete("checkout items [p x1] ").candidates
        #expect(afterItems.contains("save_card") && afterItems.contains("customer"))
        #expect(!afterItems.contains("items"))
        #expect(!afterItems.contains("len") && !afterItems.contains("thermo"), "no built-ins or variables where a clause goes")
        let afterPay = complete("pay s ").candidates
        #expect(afterPay.contains("with card") && afterPay.contains("hsa") && afterPay.contains("split card"))
        #expect(!afterPay.contains("len"))
        #expect(complete("pay s wi").insertion == "th card ")
        #expect(complete("pay s with ").candidates == ["card"])
        #expect(!complete("pay s with card \"4242\" hsa ").candidates.contains("with card"))
        #expect(complete("refund s amount total - 1 rea").insertion == "son ")
    }

    @Test func aRecordValueKeepsTheCommandButABlockStartsAStatement() {
        let afterFields = complete("checkout items [p] fields {mode: \"x\", n: {a: 1}} ").candidates
        #expect(afterFields.contains("save_card") && !afterFields.contains("fields"))
        #expect(complete("api POST \"/v1/x\" {a: 1} ").candidates == ["fields"], "only the clause every command takes")
        #expect(complete("let r = {a: tot").insertion == "al ")
        #expect(complete("expect r == {a: 1} and tot").insertion == "al ")
        #expect(complete("scenario \"s\" { chec").insertion == "kout")
        #expect(complete("if x == {a: 1} { customer cr").insertion == "eate ")
        #expect(complete("if x { 1 } else { scen").insertion == "ario ")
    }

    @Test func positionalsOfAnIDKindOfferThoseIDs() {
        let candidates = complete("customer get ").candidates
        #expect(candidates.contains("fcus_01AAA") && candidates.contains("fcus_01AAB"))
        #expect(!candidates.contains("fcs_01XYZ"))
        #expect(candidates.contains("paid"), "a variable may hold the customer")
        #expect(!candidates.contains("len"))
        #expect(complete("checkout get ").candidates.contains("fcs_01XYZ"))
        #expect(complete("api ").candidates == ["DELETE", "GET", "PATCH", "POST", "PUT"])
        #expect(complete("fail next ").candidates.contains("requests"), "an optional positional may be skipped")
    }

    @Test func idsFromAPartialPrefixWithHints() {
        let completion = complete("fcu")
        #expect(completion.insertion == "s_01AA")
        #expect(completion.candidates == ["fcus_01AAA", "fcus_01AAB"])
        #expect(completion.hints == ["customer ada@example.com", ""])
        #expect(completion.listing(width: 80) == "fcus_01AAA  customer ada@example.com\nfcus_01AAB\n")
        #expect(complete("let s = checkout get fc").candidates == ["fcs_01XYZ"])
        #expect(complete("print tot").hints.isEmpty)
    }

    @Test func includedPathsCloseTheirQuote() throws {
        let directory = "/tmp/flex-complete-\(getpid())"
        mkdir(directory, 0o755)
        mkdir(directory + "/examples", 0o755)
        let file = fopen(directory + "/examples/quickstart.flex", "w")
        fclose(file)
        defer {
            unlink(directory + "/examples/quickstart.flex")
            rmdir(directory + "/examples")
            rmdir(directory)
        }
        let folder = complete("include \"\(directory)/exa")
        #expect(folder.insertion == "mples/")
        #expect(folder.closing == "\"" && !folder.cursorAfterClosing)
        let script = complete("include \"\(directory)/examples/qu")
        #expect(script.insertion == "ickstart.flex")
        #expect(script.closing == "\"" && script.cursorAfterClosing)
        #expect(complete(".load \(directory)/examples/qu").closing.isEmpty)
    }

    @Test func columnsFitTheWidth() {
        let text = Completion.columns(["a", "bb", "ccc", "dddd"], width: 13)
        #expect(text == "a     bb\nccc   dddd\n")
    }
}
