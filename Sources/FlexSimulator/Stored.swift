// What the shared resource plumbing needs of an object kept in a Store: its ID, kind and rendering.
import FlexAPI

/// An object with its own endpoints: `kind` gives its ID prefix, its not-found error and the key it
/// is answered under (`{"coupon": …}`, `{"coupons": […]}`).
protocol Stored {
    static var kind: ObjectKind { get }
    var id: ULID { get set }
    /// The object as the API shows it (most renderings read other stores, hence the state).
    func rendered(in state: State) -> JSON
}

/// An object that a create stamps with the request's time.
protocol Created: Stored {
    var created: Int { get set }
}

extension Store where Object: Stored {
    /// The position of the object a request names by its ID text; 404 in Flex's shape when the
    /// text is no ID of this kind or names nothing.
    func position(of id: String) throws(APIFailure) -> Int { try position(of: id, as: Object.kind) }
}

extension Capture: Stored {
    static var kind: ObjectKind { .capture }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension CheckoutSession: Stored {
    static var kind: ObjectKind { .session }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Coupon: Created {
    static var kind: ObjectKind { .coupon }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Customer: Stored {
    static var kind: ObjectKind { .customer }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Dispute: Stored {
    static var kind: ObjectKind { .dispute }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Invoice: Stored {
    static var kind: ObjectKind { .invoice }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension PaymentIntent: Stored {
    static var kind: ObjectKind { .paymentIntent }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension PaymentLink: Created {
    static var kind: ObjectKind { .paymentLink }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension PaymentMethod: Stored {
    static var kind: ObjectKind { .paymentMethod }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Price: Created {
    static var kind: ObjectKind { .price }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Product: Created {
    static var kind: ObjectKind { .product }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension PromoCode: Created {
    static var kind: ObjectKind { .promoCode }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Refund: Stored {
    static var kind: ObjectKind { .refund }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension ShippingRate: Created {
    static var kind: ObjectKind { .shippingRate }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Subscription: Stored {
    static var kind: ObjectKind { .subscription }
    func rendered(in state: State) -> JSON { state.render(self) }
}

extension Webhook: Stored {
    static var kind: ObjectKind { .webhook }
    func rendered(in state: State) -> JSON { state.render(self) }
}
