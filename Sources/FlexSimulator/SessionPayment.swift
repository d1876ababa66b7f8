// Who pays a checkout session with what, handed from the payment's checks to the charge.

/// Who pays a session with what: the saved main card, its kind, the split card if any.
struct SessionPayment {
    var customer: Int
    var method: Int
    var kind: CardKind
    var splitCard: Card?
    /// A consultation issued letters, so Flex records its fee on the main payment.
    var letterFee: Bool
}
