// No request, however malformed, traps the simulator: every route answers junk with a Flex error.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct RobustnessTests {
    static let junkBodies: [JSON?] = [
        nil, .null, true, 0, -1, .decimal("1e999"), "x", [], [[]], [:],
        ["customer": nil], ["product": [1]], ["price": ["product": [:], "unit_amount": .integer(Int.max)]],
        ["checkout_session": ["line_items": [["price": "fprice_", "quantity": .integer(Int.min)]], "mode": 3]],
        ["checkout_session": ["amount": .integer(Int.max), "line_items": [nil], "final_capture": nil]],
        ["payment": ["card": "", "split_card": [:], "card_kind": nil, "lmn": 1]],
        ["clock": ["seconds": .integer(Int.max), "now": .integer(Int.min)]],
        ["fault": ["kind": "request", "count": .integer(Int.max), "status": .integer(Int.min)]],
        ["sim": ["seed": .integer(Int.min)]], ["snapshot": ["name": [:]]],
    ]

    static let paths = [
        "/v1/customers", "/v1/customers/fcus_X", "/v1/customers/fcus_X/payment_methods", "/v1/customers/fcus_X/payment_methods/fpm_X",
        "/v1/products", "/v1/products/fprod_X", "/v1/prices", "/v1/prices/fprice_X", "/v1/checkout/sessions",
        "/v1/checkout/sessions/fcs_X", "/v1/checkout/sessions/fcs_X/line_items", "/v1/checkout/sessions/fcs_X/refund",
        "/v1/checkout/sessions/fcs_X/capture", "/v1/checkout/sessions/fcs_X/cancel", "/v1/checkout/sessions/fcs_X/reauth",
        "/v1/payment_intents", "/v1/payment_intents/fpi_X", "/v1/refunds", "/v1/refunds/fre_X", "/v1/captures", "/v1/captures/fcap_X",
        "/_sim/checkout/sessions/fcs_X/pay", "/_sim/checkout/sessions/fcs_X/expire", "/_sim/clock", "/_sim/clock/advance",
        "/_sim/clock/set", "/_sim/faults", "/_sim/events", "/_sim/seed", "/_sim/snapshots", "/_sim/snapshots/x/restore",
        "", "/", "//v1//customers//", "/v1/\u{0}", "/v1/customers/fcus_\u{1F600}",
    ]

    @Test func junkNeverTraps() {
        let sim = Sim()
        let price = sim.price(100)
        let open = sim.session([(price, 1)])
        let paid = sim.session([(price, 1)], ["capture_method": "manual"])
        _ = sim.pay(paid)
        let ids = [open, paid]
        let queries: [[QueryItem]] = [[], [QueryItem("limit", "100"), QueryItem("offset", "9223372036854775807")],
                                      [QueryItem("ending_before", open), QueryItem("offset", "9223372036854775807")],
                                      [QueryItem("starting_after", "fcs_"), QueryItem("status", "")]]
        var count = 0
        for path in RobustnessTests.paths {
            for id in path.contains("fcs_X") ? ids : [open] {
                let concrete = path.replacingOccurrences("fcs_X", id)
                for method in HTTPMethod.allCases {
                    for body in RobustnessTests.junkBodies {
                        for query in queries {
                            let response = sim.flex.handle(APIRequest(method, concrete, query: query, body: body))
                            if !response.isSuccess { #expect(response.body["error"]?["code"]?.stringValue != nil) }
                            count += 1
                        }
                    }
                }
            }
        }
        #expect(count > 5_000)
        #expect(sim.get("/v1/customers").status == 200)
    }

    @Test func hugeOffsetIsAnEmptyPage() {
        let sim = Sim()
        _ = sim.price(100)
        let response = sim.get("/v1/prices", [("offset", "9223372036854775807")])
        #expect(sim.unwrap(response, "prices") == [])
    }
}
