// refresh's prefix → GET path table: what each ID reads, and that every ID prefix is accounted for.
import FlexAPI
@testable import FlexInterpreter
import FlexLanguage
import Testing

@Suite struct ObjectReadPathsTests {
    let span = SourceSpan(file: FileID(rawValue: 0), start: 0, end: 0)

    @Test(arguments: [("fcs_A", "/v1/checkout/sessions/fcs_A"), ("fcus_A", "/v1/customers/fcus_A"),
                      ("fprice_A", "/v1/prices/fprice_A"), ("flmn_A", "/v1/consumer/letters/flmn_A"),
                      ("fre_A", "/v1/refunds/fre_A")])
    func anIDReadsItsCollection(id: String, path: String) throws {
        #expect(try ObjectReadPaths.request(for: .id(id), span: span) == APIRequest(.GET, path))
        #expect(try ObjectReadPaths.request(for: .string(id), span: span) == APIRequest(.GET, path))
    }

    @Test func anObjectIsReadByItsOwnID() throws {
        let session = Value.record(Record([("checkout_session_id", .id("fcs_S")), ("customer", .id("fcus_C"))]))
        #expect(try ObjectReadPaths.request(for: session, span: span) == APIRequest(.GET, "/v1/checkout/sessions/fcs_S"))
        let method = Value.record(Record([("payment_method_id", .id("fpm_P")), ("customer", .id("fcus_C"))]))
        #expect(try ObjectReadPaths.request(for: method, span: span) == APIRequest(.GET, "/v1/customers/fcus_C/payment_methods/fpm_P"))
    }

    @Test func whatCannotBeReadAloneIsARuntimeError() {
        #expect(throws: ScriptFailure.self) { try ObjectReadPaths.request(for: .id("fpm_P"), span: span) }
        #expect(throws: ScriptFailure.self) { try ObjectReadPaths.request(for: .id("fli_X"), span: span) }
        #expect(throws: ScriptFailure.self) { try ObjectReadPaths.request(for: .string("hello"), span: span) }
        #expect(throws: ScriptFailure.self) { try ObjectReadPaths.request(for: .integer(1), span: span) }
    }

    /// A new ID prefix must be given a path here, or be listed as readable only through its parent.
    @Test func everyPrefixIsAccountedFor() {
        let readOnlyThroughAParent: Set<String> = ["fpm_", "fcapi_", "fcons_", "ffee_", "fsh_", "fli_", "fwhsec_", "fwhd_", "fsubi_"]
        for prefix in FlexIDPrefix.all {
            #expect(ObjectReadPaths.collections[prefix] != nil || readOnlyThroughAParent.contains(prefix), "\(prefix)")
        }
    }
}
