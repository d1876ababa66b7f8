// Letters of medical necessity as objects (docs/flex-api.md §2.12, consumer API): each approved
// consultation issues one letter per product, readable at `GET /v1/consumer/letters/{id}` and per
// order at `GET /v1/consumer/orders/{id}/letters`, where an order is the checkout session whose
// consultation issued the letters (inferred: the shopper's purchase or reimbursement claim).
import FlexAPI

struct Letter {
    var id: ULID
    var customer: Int
    var product: Int
    /// The checkout session (the "order") whose consultation issued it.
    var session: Int
    var issued: Int
}

extension State {
    /// Records the approval the cart rules read (`letters`) and a letter object per product. A
    /// letter's ID is the consultation fee's ULID scrambled by the product's place in the list, so
    /// issuing letters draws no seeded ID and every ID a seed produced before stays the same.
    mutating func issueLetters(_ products: [Int], customer: Int, session: Int, fee: ULID, at time: Int) {
        for (offset, product) in products.enumerated() {
            letters[LetterKey(customer: Int32(truncatingIfNeeded: customer), product: Int32(truncatingIfNeeded: product))] = time
            let scramble = 0x9E37_79B9_7F4A_7C15 &* UInt64(offset + 1)
            let letter = Letter(id: ULID(high: fee.high, low: fee.low ^ scramble), customer: customer, product: product,
                                session: session, issued: time)
            letterObjects.insert(letter, id: letter.id)
        }
    }

    /// `GET /v1/consumer/letters/{letter_id}` (doc): the letter, unwrapped.
    func getLetter(_ id: String) throws(APIFailure) -> APIResponse {
        guard let ulid = ULID.parse(id, as: .letter), let position = letterObjects.position(of: ulid) else {
            throw .notFound(.letter, id)
        }
        return APIResponse(status: 200, body: render(letterObjects[position]))
    }

    /// `GET /v1/consumer/orders/{id}/letters` (doc) → `{"letters": [...]}` in issue order; an
    /// order is a checkout session (`fcs_`), and one whose consultation issued nothing has none.
    func listOrderLetters(_ id: String) throws(APIFailure) -> APIResponse {
        guard let ulid = ULID.parse(id, as: .session), let session = sessions.position(of: ulid) else {
            throw APIFailure(404, "order_not_found", "no such order: \(id) (an order is a checkout session, fcs_…)")
        }
        let issued = letterObjects.objects.filter { $0.session == session }
        return ok("letters", .array(issued.map(render)))
    }

    func render(_ letter: Letter) -> JSON {
        let id = letter.id.id(.letter)
        // The simulator's consultation decides at once, so a letter is never in_review; it is
        // approved for 12 months (docs/flex-api.md §3.2), then expired.
        let status = now < letter.issued + State.letterLifetime ? "approved" : "expired"
        return object([
            "letter_id": .string(id),
            "url": .string("https://checkout.withflex.com/letters/" + id + ".pdf"),
            "product": .string(products[letter.product].id.id(.product)),
            "status": object(["status": .string(status)]),
            "customer": .string(customers[letter.customer].id.id(.customer)),
            "checkout_session": .string(sessions[letter.session].id.id(.session)),
            "created_at": .string(Clock.iso(letter.issued)),
            "expires_at": .string(Clock.iso(letter.issued + State.letterLifetime)),
        ])
    }
}
