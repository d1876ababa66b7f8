// List paging as docs/flex-api.md §1.9: limit 1-100 (default 10), offset, starting_after, ending_before.
import FlexAPI

enum Pagination {
    static let defaultLimit = 10

    /// Picks one page out of `positions` (already filtered and in list order, newest first).
    static func page(_ positions: [Int], _ request: APIRequest, kind: ObjectKind, id: (Int) -> ULID) throws(APIFailure) -> [Int] {
        let limit = try integer(request, "limit", default: defaultLimit)
        guard (1...100).contains(limit) else { throw .invalid("limit must be an integer from 1 to 100, not \(limit)") }
        let offset = try integer(request, "offset", default: 0)
        guard offset >= 0 else { throw .invalid("offset must be an integer >= 0, not \(offset)") }
        let after = request.queryValue("starting_after")
        let before = request.queryValue("ending_before")
        if after != nil && before != nil { throw .invalid("give starting_after or ending_before, not both") }

        var window = positions[...]
        if let after {
            let cursor = try find(after, in: positions, kind: kind, id: id, parameter: "starting_after")
            window = positions[(cursor + 1)...]
        }
        if let before {
            let cursor = try find(before, in: positions, kind: kind, id: id, parameter: "ending_before")
            // The page just before the cursor: the `limit` objects closest to it, after the offset.
            let end = max(0, cursor - offset)
            return Array(positions[max(0, end - limit)..<end])
        }
        // offset may be as large as Int.max: compare before adding so nothing overflows.
        let start = offset >= window.count ? window.endIndex : window.startIndex + offset
        let end = min(start + limit, window.endIndex)
        return Array(window[start..<end])
    }

    static func integer(_ request: APIRequest, _ name: String, default value: Int) throws(APIFailure) -> Int {
        guard let text = request.queryValue(name) else { return value }
        guard let number = Int(text) else { throw .invalid("\(name) must be an integer, not \"\(text)\"") }
        return number
    }

    static func find(_ text: String, in positions: [Int], kind: ObjectKind, id: (Int) -> ULID, parameter: String) throws(APIFailure) -> Int {
        if let ulid = ULID.parse(text, as: kind), let index = positions.firstIndex(where: { id($0) == ulid }) {
            return index
        }
        throw .invalid("\(parameter): no \(kind.noun.replacingUnderscores()) \(text) in this list")
    }

    /// The `active` filter of a list: nil when not given; 400 unless `true` or `false`.
    static func activeFilter(_ request: APIRequest) throws(APIFailure) -> Bool? {
        guard let active = request.queryValue("active") else { return nil }
        if active != "true" && active != "false" { throw .invalid("active must be true or false") }
        return active == "true"
    }

    /// The `interval` filter of the session and payment intent lists (doc: "filter by time interval
    /// in days, e.g. 30 for the last 30 days"): the earliest `created` time kept, nil when not given.
    static func intervalStart(_ request: APIRequest, now: Int) throws(APIFailure) -> Int? {
        guard request.queryValue("interval") != nil else { return nil }
        let days = try integer(request, "interval", default: 0)
        guard days >= 0 else { throw .invalid("interval must be a number of days >= 0, not \(days)") }
        // Beyond the clock's whole range every object is kept; no multiplication can overflow.
        guard days <= 1_000_000 else { return Int.min }
        return now - days * 86_400
    }

    /// Newest-first positions of a store, filtered.
    static func newestFirst<T>(_ store: Store<T>, where include: (T) -> Bool) -> [Int] {
        var result: [Int] = []
        var position = store.count - 1
        while position >= 0 {
            if include(store.objects[position]) { result.append(position) }
            position -= 1
        }
        return result
    }
}
