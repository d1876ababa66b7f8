// A command's positional argument: its name (the path placeholder it fills) and kind.

public struct PositionalSyntax: Hashable, Sendable {
    /// Also the `{name}` it fills in the command's path template.
    public var name: String
    public var kind: ValueKind
    public var isOptional: Bool
    /// For a positional that is not in the path: the Flex field it sets (`dispute resolve D won`).
    public var field: String?
    public init(_ name: String, _ kind: ValueKind, optional: Bool = false, field: String? = nil) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
        self.field = field
    }
}
