// The `{…}` segments of a matched path, in order, as slices of the request path.
/// At most two (a customer's payment method is the deepest); kept inline rather than in an array
/// so matching allocates nothing, and only the segments a handler reads become Strings.
struct PathParameters {
    static let capacity = 2

    private var first: Substring = ""
    private var second: Substring = ""
    private(set) var count = 0

    mutating func append(_ segment: Substring) {
        precondition(count < PathParameters.capacity, "a route pattern has more than \(PathParameters.capacity) parameters")
        if count == 0 { first = segment } else { second = segment }
        count += 1
    }

    /// The parameter at `index`, as the handlers take it: the segment unchanged (no decoding).
    subscript(index: Int) -> String {
        precondition(index < count, "no path parameter \(index)")
        return String(index == 0 ? first : second)
    }

    /// The first parameter: the ID of the object the path names.
    var id: String { self[0] }
}
