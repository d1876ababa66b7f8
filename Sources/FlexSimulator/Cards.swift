// Card numbers: parsing, Luhn, brand, and what Flex's and the simulator's test cards do.

enum CardKind: String, CaseIterable {
    case hsa, fsa, credit

    var isBenefitCard: Bool { self != .credit }
}

struct Card: Hashable {
    var number: UInt64
    var digits: UInt8

    /// 12-19 digits, spaces and dashes ignored, Luhn-valid; nil otherwise.
    init?(_ text: String) {
        var value: UInt64 = 0
        var count: UInt8 = 0
        var sum = 0
        var digitsSeen: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { continue }
            guard byte >= 0x30 && byte <= 0x39, count < 19 else { return nil }
            digitsSeen.append(byte - 0x30)
            value = value * 10 + UInt64(byte - 0x30)
            count += 1
        }
        guard count >= 12 else { return nil }
        for (offset, digit) in digitsSeen.reversed().enumerated() {
            var d = Int(digit)
            if offset % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        guard sum % 10 == 0 else { return nil }
        number = value
        digits = count
    }

    var text: String {
        let plain = String(number)
        return String(repeating: "0", count: max(0, Int(digits) - plain.count)) + plain
    }

    var last4: String { String(text.suffix(4)) }

    var brand: String {
        let text = text
        if text.hasPrefix("4") { return "visa" }
        if text.hasPrefix("34") || text.hasPrefix("37") { return "american_express" }
        if text.hasPrefix("6011") || text.hasPrefix("65") { return "discover" }
        if let two = Int(text.prefix(2)), (51...55).contains(two) { return "mastercard" }
        if let four = Int(text.prefix(4)), (2221...2720).contains(four) { return "mastercard" }
        return "unknown"
    }

    var funding: String { Card.debitCards.contains(number) ? "debit" : "credit" }

    static let debitCards: Set<UInt64> = [4_000_056_655_665_556]

    /// Cards that decline every charge (docs/flex-api.md §1.5 documents 9995; the rest are Stripe's
    /// numbers, which Flex's test mode inherits — listed in docs/simulator.md).
    static let declines: [UInt64: String] = [
        4_000_000_000_009_995: "insufficient_funds",
        4_000_000_000_000_002: "generic_decline",
        4_000_000_000_009_987: "lost_card",
        4_000_000_000_009_979: "stolen_card",
        4_000_000_000_000_069: "expired_card",
        4_000_000_000_000_127: "incorrect_cvc",
        4_000_000_000_000_119: "processing_error",
    ]

    /// Cards whose payments succeed but whose refunds fail at settlement (Stripe's test card for an
    /// asynchronous refund failure; docs/simulator.md).
    static let refundFailures: Set<UInt64> = [4_000_000_000_005_126]

    /// Cards whose payments succeed and are then disputed in full, with this reason (Stripe's test
    /// cards for disputes; docs/simulator.md).
    static let disputes: [UInt64: String] = [
        4_000_000_000_000_259: "fraudulent",
        4_000_000_000_002_685: "product_not_received",
    ]

    /// Cards that pay on-session (and can be saved) but decline later off-session charges.
    static let offSessionDeclines: [UInt64: String] = [
        4_000_000_000_000_341: "generic_decline",
    ]
}
