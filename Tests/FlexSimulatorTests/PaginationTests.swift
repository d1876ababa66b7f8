// A list walks the store only as far as its page (Pagination.page over a Store), and must answer
// exactly what paging the whole filtered list answers: every limit, offset and cursor, errors too.
import FlexAPI
@testable import FlexSimulator
import Testing

@Suite struct PaginationTests {
    static func id(_ n: Int) -> ULID { ULID(high: UInt64(n) << 16, low: 7) }

    /// The page or the error message, to compare the two ways.
    static func outcome(_ body: () throws(APIFailure) -> [Int]) -> String {
        do throws(APIFailure) { return "\(try body())" } catch { return "error: \(error.message)" }
    }

    @Test func walkingTheStoreGivesTheSamePagesAsTheWholeList() {
        var store = Store<Int>()
        for n in 0..<60 { store.insert(n, id: Self.id(n)) }
        let include: (Int) -> Bool = { $0 % 3 != 1 }
        let whole = Pagination.newestFirst(store, where: include)
        var queries: [[QueryItem]] = [[]]
        for limit in ["1", "3", "10", "100", "0", "x"] {
            for offset in ["0", "1", "5", "50", "-1", "9223372036854775807"] {
                queries.append([QueryItem("limit", limit), QueryItem("offset", offset)])
                // Cursors: shown objects, one the filter hides (1), the oldest and newest, a stranger.
                for cursor in [0, 1, 2, 30, 58, 59] {
                    let text = Self.id(cursor).id(.customer)
                    queries.append([QueryItem("limit", limit), QueryItem("offset", offset), QueryItem("starting_after", text)])
                    queries.append([QueryItem("limit", limit), QueryItem("offset", offset), QueryItem("ending_before", text)])
                }
                queries.append([QueryItem("limit", limit), QueryItem("starting_after", "fcus_nope")])
            }
        }
        queries.append([QueryItem("starting_after", Self.id(3).id(.customer)), QueryItem("ending_before", Self.id(6).id(.customer))])
        for query in queries {
            let request = APIRequest(.GET, "/v1/customers", query: query)
            let expected = Self.outcome { () throws(APIFailure) in try Pagination.page(whole, request, kind: .customer, id: { Self.id(store[$0]) }) }
            let lazy = Self.outcome { () throws(APIFailure) in try Pagination.page(store, request, kind: .customer, id: { Self.id($0) }, where: include) }
            #expect(lazy == expected, "\(query)")
        }
    }
}
