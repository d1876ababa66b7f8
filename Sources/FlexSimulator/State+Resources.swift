// The plumbing every resource shares: get-and-render, one page of a list, insert- and update-and-answer.
import FlexAPI

extension State {
    /// `GET /v1/<resources>/{id}`: the object, or 404 when the ID names none.
    func get<Object: Stored>(_ store: KeyPath<State, Store<Object>>, _ id: String) throws(APIFailure) -> APIResponse {
        let objects = self[keyPath: store]
        return ok(Object.kind.noun, objects[try objects.position(of: id)].rendered(in: self))
    }

    /// `GET /v1/<resources>`: the objects `include` keeps, newest first, one page of them.
    func list<Object: Stored>(_ store: KeyPath<State, Store<Object>>, _ request: APIRequest,
                              where include: (Object) -> Bool = { _ in true }) throws(APIFailure) -> APIResponse {
        let objects = self[keyPath: store]
        let page = try Pagination.page(objects, request, kind: Object.kind, id: \.id, where: include)
        return ok(Object.kind.noun + "s", .array(page.map { objects[$0].rendered(in: self) }))
    }

    /// One page of `positions` (filtered and in list order), rendered into an array under `name`.
    func page(_ positions: [Int], _ request: APIRequest, kind: ObjectKind, as name: String,
              id: (Int) -> ULID, render: (Int) -> JSON) throws(APIFailure) -> APIResponse {
        let page = try Pagination.page(positions, request, kind: kind, id: id)
        return ok(name, .array(page.map(render)))
    }

    /// The tail of a plain create, once the body has passed every check: the request's time, then
    /// a fresh ID (it embeds the time), stored and answered.
    mutating func insertAndAnswer<Object: Created>(_ object: Object, into store: WritableKeyPath<State, Store<Object>>) -> APIResponse {
        var object = object
        object.created = tick()
        object.id = newID()
        self[keyPath: store].insert(object, id: object.id)
        return ok(Object.kind.noun, object.rendered(in: self))
    }

    /// The tail of a plain update, once the body has passed every check: the request's time, the
    /// object stored back in place and answered.
    mutating func updateAndAnswer<Object: Stored>(_ object: Object, at position: Int, in store: WritableKeyPath<State, Store<Object>>) -> APIResponse {
        _ = tick()
        self[keyPath: store][position] = object
        return ok(Object.kind.noun, object.rendered(in: self))
    }
}
