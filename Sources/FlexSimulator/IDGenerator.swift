// Seeded ULIDs: virtual-clock milliseconds plus 80 bits from SplitMix64, so IDs are reproducible.

struct IDGenerator: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for unique-looking IDs.
    mutating func nextRandom() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A ULID stamped with the virtual time `seconds` (clamped to the 48-bit millisecond range).
    mutating func next(at seconds: Int) -> ULID {
        let (millis, overflow) = max(seconds, 0).multipliedReportingOverflow(by: 1000)
        let stamp = overflow ? UInt64((1 << 48) - 1) : min(UInt64(millis), (1 << 48) - 1)
        let first = nextRandom()
        let second = nextRandom()
        return ULID(high: stamp << 16 | (second & 0xFFFF), low: first)
    }
}
