// A 128-bit ULID kept as two integers (compact in memory), rendered as 26 Crockford base-32 chars.

struct ULID: Hashable, Sendable, Comparable {
    /// Top 48 bits: milliseconds since the epoch; low 16 bits: the first random bits.
    var high: UInt64
    /// The remaining 64 random bits.
    var low: UInt64

    static func < (a: ULID, b: ULID) -> Bool { (a.high, a.low) < (b.high, b.low) }

    func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }

    /// Dictionary lookups by ID are the simulator's hottest path; 64 of our bits are already
    /// SplitMix64 output, so mixing them with the seed is enough (and skips building a Hasher).
    func _rawHashValue(seed: Int) -> Int {
        var z = low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: seed)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }

    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The 26-character upper-case text: 5 bits per character, the first carrying the top 3 bits.
    func append(to buffer: inout [UInt8]) {
        let value = UInt128(high) << 64 | UInt128(low)
        var shift = 125
        while shift >= 0 {
            buffer.append(ULID.alphabet[Int(truncatingIfNeeded: (value >> UInt128(shift)) & 31)])
            shift -= 5
        }
    }

    /// Reads a 26-char ULID body (either case, Crockford's I/L→1 and O→0 accepted); nil otherwise.
    init?<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var count = 0
        for byte in bytes {
            guard let digit = ULID.digit(byte) else { return nil }
            count += 1
            if count > 26 { return nil }
            if count == 1 && digit > 7 { return nil }  // would overflow 128 bits
            // Shift the 128-bit value left by 5 and add the digit.
            high = (high << 5) | (low >> 59)
            low = (low << 5) | UInt64(digit)
        }
        guard count == 26 else { return nil }
        self.high = high
        self.low = low
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    static func digit(_ byte: UInt8) -> UInt8? {
        let value = decodeTable[Int(byte)]
        return value == 0xFF ? nil : value
    }

    /// Crockford decoding by table: either case, I/L read as 1 and O as 0, U and the rest invalid.
    static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(index)
            if byte >= UInt8(ascii: "A") { table[Int(byte + 32)] = UInt8(index) }
        }
        for (letter, value) in [("I", 1), ("L", 1), ("O", 0)] as [(Character, UInt8)] {
            let byte = letter.asciiValue ?? 0
            table[Int(byte)] = value
            table[Int(byte + 32)] = value
        }
        return table
    }()
}

/// The kinds of simulated objects, each with its Flex ID prefix.
enum ObjectKind: UInt8, Sendable, CaseIterable {
    case customer, product, price, session, paymentMethod, paymentIntent, refund, capture, captureItem
    case event, lineItem, fee, shippingAddress
    case subscription, subscriptionItem, consultation
    case coupon, promoCode, shippingRate, balanceTransaction, webhook, paymentLink, setupIntent, letter, invoice, webhookDelivery, dispute

    var prefix: String {
        switch self {
        case .customer: "fcus_"
        case .product: "fprod_"
        case .price: "fprice_"
        case .session: "fcs_"
        case .paymentMethod: "fpm_"
        case .paymentIntent: "fpi_"
        case .refund: "fre_"
        case .capture: "fcap_"
        case .captureItem: "fcapi_"
        case .event: "fevt_"
        case .lineItem: "fli_"
        case .fee: "ffee_"
        case .shippingAddress: "fsh_"
        case .subscription: "fsub_"
        case .subscriptionItem: "fsubi_"
        case .consultation: "fcons_"
        case .coupon: "fcoup_"
        case .promoCode: "fpromo_"
        // Undocumented prefixes (docs/flex-api.md §1.3): ours, in Flex's style.
        case .shippingRate: "fshr_"
        case .balanceTransaction: "fbt_"
        case .webhook: "fwh_"
        case .paymentLink: "fplink_"
        case .setupIntent: "fseti_"
        case .letter: "flmn_"
        case .invoice: "finv_"
        case .webhookDelivery: "fwhd_"
        case .dispute: "fdp_"
        }
    }
}

extension ULID {
    /// `prefix + ULID`, e.g. `fcus_01KDX…`.
    func id(_ kind: ObjectKind) -> String {
        var buffer: [UInt8] = Array(kind.prefix.utf8)
        buffer.reserveCapacity(buffer.count + 26)
        append(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Parses an ID of the given kind; nil when the prefix differs or the body is not a ULID.
    static func parse(_ text: String, as kind: ObjectKind) -> ULID? {
        guard text.hasPrefix(kind.prefix) else { return nil }
        return ULID(utf8: text.utf8.dropFirst(kind.prefix.utf8.count))
    }
}
