// A string → integer table for the checker's scopes, hashed with FNV-1a instead of SipHash:
// name lookups are most of the checker's work, and the keys come from the script, not from an
// adversary who could exploit a non-randomized hash.

extension Checker {
    /// Open addressing with linear probing. Keys are never removed: unbinding stores -1, so a
    /// name that went out of scope keeps its slot for when it is bound again.
    struct NameTable {
        private var keys: [String?]
        private var values: [Int]
        private var used = 0
        private var mask: Int

        init(capacity: Int = 64) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = Array(repeating: nil, count: size)
            values = Array(repeating: -1, count: size)
            mask = size - 1
        }

        /// The value bound to `name`, or -1.
        func value(_ name: String) -> Int {
            var slot = Self.hash(name) & mask
            while let key = keys[slot] {
                if key == name { return values[slot] }
                slot = (slot + 1) & mask
            }
            return -1
        }

        /// Sets `name`'s value (-1 unbinds it) and returns the value it had (-1 when none).
        @discardableResult
        mutating func set(_ name: String, _ value: Int) -> Int {
            var slot = Self.hash(name) & mask
            while let key = keys[slot] {
                if key == name {
                    let old = values[slot]
                    values[slot] = value
                    return old
                }
                slot = (slot + 1) & mask
            }
            keys[slot] = name
            values[slot] = value
            used += 1
            if used * 2 > keys.count { grow() }
            return -1
        }

        /// Every name currently bound (order unspecified).
        var boundNames: [String] {
            keys.indices.compactMap { values[$0] >= 0 ? keys[$0] : nil }
        }

        private mutating func grow() { rehash(size: keys.count * 2) }

        private mutating func rehash(size: Int) {
            let oldKeys = keys, oldValues = values
            keys = Array(repeating: nil, count: size)
            values = Array(repeating: -1, count: size)
            mask = size - 1
            for index in oldKeys.indices {
                guard let key = oldKeys[index] else { continue }
                var slot = Self.hash(key) & mask
                while keys[slot] != nil { slot = (slot + 1) & mask }
                keys[slot] = key
                values[slot] = oldValues[index]
            }
        }

        mutating func reserveCapacity(_ count: Int) {
            var size = keys.count
            while count * 2 > size { size <<= 1 }
            if size > keys.count { rehash(size: size) }
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
