// List paging as docs/flex-api.md §1.9: limit 1-100 (default 10), offset, starting_after, ending_before.
import FlexAPI

enum Pagination {
    static let defaultLimit = 10

    /// A list request's paging parameters, checked.
    struct Window {
        var limit: Int
        var offset: Int
        var after: String?
        var before: String?

        init(_ request: APIRequest) throws(APIFailure) {
            limit = try Pagination.integer(request, "limit", default: defaultLimit)
            guard (1...100).contains(limit) else { throw .invalid("limit must be an integer from 1 to 100, not \(limit)") }
            offset = try Pagination.integer(request, "offset", default: 0)
            guard offset >= 0 else { throw .invalid("offset must be an integer >= 0, not \(offset)") }
            after = request.queryValue("starting_after")
            before = request.queryValue("ending_before")
            if after != nil && before != nil { throw .invalid("give starting_after or ending_before, not both") }
        }

        var parts: (Int, Int, String?, String?) { (limit, offset, after, before) }
    }

    /// Picks one page out of `positions` (already filtered and in list order, newest first).
    static func page(_ positions: [Int], _ request: APIRequest, kind: ObjectKind, id: (Int) -> ULID) throws(APIFailure) -> [Int] {
        let (limit, offset, after, before) = try Window(request).parts

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

    /// The same page as `page(newestFirst(store, where: include), …)`, found by walking the store
    /// from the newest object (or from the cursor, looked up in the store's ID index) and stopping
    /// once the page is full: a list costs its page, not the store (docs/performance.md).
    static func page<T>(_ store: Store<T>, _ request: APIRequest, kind: ObjectKind, id: (T) -> ULID,
                        where include: (T) -> Bool) throws(APIFailure) -> [Int] {
        let (limit, offset, after, before) = try Window(request).parts
        if let before {
            // Newer objects, nearest first: the page is the `limit` after skipping `offset`, in list order.
            let cursor = try position(before, in: store, kind: kind, id: id, include: include, parameter: "ending_before")
            return Array(collect(from: cursor + 1, step: 1, in: store, skip: offset, take: limit, where: include).reversed())
        }
        var start = store.count - 1
        if let after { start = try position(after, in: store, kind: kind, id: id, include: include, parameter: "starting_after") - 1 }
        return collect(from: start, step: -1, in: store, skip: offset, take: limit, where: include)
    }

    /// Positions from `start` moving by `step`, of objects passing `include`: `skip` of them passed
    /// over, then at most `take`.
    static func collect<T>(from start: Int, step: Int, in store: Store<T>, skip: Int, take: Int, where include: (T) -> Bool) -> [Int] {
        var result: [Int] = []
        var skipped = 0
        var position = start
        while position >= 0, position < store.count, result.count < take {
            if include(store.objects[position]) {
                if skipped < skip { skipped += 1 } else { result.append(position) }
            }
            position += step
        }
        return result
    }

    /// The store position of a cursor ID, which must name an object the list shows.
    static func position<T>(_ text: String, in store: Store<T>, kind: ObjectKind, id: (T) -> ULID, include: (T) -> Bool,
                            parameter: String) throws(APIFailure) -> Int {
        if let ulid = ULID.parse(text, as: kind), let position = store.position(of: ulid), include(store.objects[position]) {
            return position
        }
        throw .invalid("\(parameter): no \(kind.noun.replacingUnderscores()) \(text) in this list")
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
