// A string → integer table for the checker's scopes, hashed with FNV-1a instead of SipHash:
// name lookups are most of the checker's work, and the keys come from the script, not from an
// adversary who could exploit a non-randomized hash.

extension Checker {
    /// Open addressing with linear probing over 8-byte slots, each a hash tag and an entry
    /// number; the names and values sit in entry order. Binding a new name touches one random
    /// slot (in a table a third the size of one holding the names) and appends to the entries;
    /// a probe compares tags, and a name only when its tag matches. Keys are never removed:
    /// unbinding stores -1, so a name that went out of scope keeps its entry for when it is bound again.
    struct NameTable {
        /// 0 for an empty slot, else the hash's upper 32 bits (the tag) and the entry number + 1.
        private var slots: [UInt64]
        private var names: [String] = []
        private var values: [Int] = []
        /// Each entry's full hash, so growing the table hashes no name again.
        private var hashes: [Int] = []
        private var mask: Int

        init(capacity: Int = 64) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = Array(repeating: 0, count: size)
            mask = size - 1
        }

        /// The value bound to `name`, or -1.
        func value(_ name: String) -> Int {
            let hash = Self.hash(name)
            var slot = hash & mask
            while slots[slot] != 0 {
                if let entry = Self.entry(slots[slot], matching: hash), names[entry] == name { return values[entry] }
                slot = (slot + 1) & mask
            }
            return -1
        }

        /// Sets `name`'s value (-1 unbinds it) and returns the value it had (-1 when none).
        @discardableResult
        mutating func set(_ name: String, _ value: Int) -> Int {
            let hash = Self.hash(name)
            var slot = hash & mask
            while slots[slot] != 0 {
                if let entry = Self.entry(slots[slot], matching: hash), names[entry] == name {
                    let old = values[entry]
                    values[entry] = value
                    return old
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Self.slotValue(hash: hash, entry: names.count)
            names.append(name)
            values.append(value)
            hashes.append(hash)
            if names.count * 2 > slots.count { rehash(size: slots.count * 2) }
            return -1
        }

        /// Every name currently bound (order unspecified).
        var boundNames: [String] {
            names.indices.compactMap { values[$0] >= 0 ? names[$0] : nil }
        }

        mutating func reserveCapacity(_ count: Int) {
            var size = slots.count
            while count * 2 > size { size <<= 1 }
            if size > slots.count { rehash(size: size) }
            names.reserveCapacity(count)
            values.reserveCapacity(count)
            hashes.reserveCapacity(count)
        }

        private mutating func rehash(size: Int) {
            slots = Array(repeating: 0, count: size)
            mask = size - 1
            for (entry, hash) in hashes.enumerated() {
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Self.slotValue(hash: hash, entry: entry)
            }
        }

        @inline(__always)
        private static func slotValue(hash: Int, entry: Int) -> UInt64 {
            (UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000) | UInt64(entry + 1)
        }

        /// The entry a slot holds when its tag matches `hash`'s.
        @inline(__always)
        private static func entry(_ slot: UInt64, matching hash: Int) -> Int? {
            guard slot & 0xFFFF_FFFF_0000_0000 == UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000 else { return nil }
            return Int(slot & 0xFFFF_FFFF) - 1
        }

        /// 64-bit FNV-1a over the UTF-8 bytes, with a final mix so linear probing sees the high bits.
        static func hash(_ name: String) -> Int {
            let fast = name.utf8.withContiguousStorageIfAvailable { bytes in
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
                return hash
            }
            var hash: UInt64
            if let fast {
                hash = fast
            } else {
                hash = 0xcbf2_9ce4_8422_2325
                for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            }
            hash ^= hash >> 29
            return Int(truncatingIfNeeded: hash)
        }
    }
}
