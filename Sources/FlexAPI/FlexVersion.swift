// The one place flex's version is written; `flex --version`, `flex version` and the REPL read it.

public enum FlexVersion {
    /// flex's own version (semantic versioning; 0.x while the language may still change).
    public static let number = "0.1.0"

    /// The Swift compiler that built this binary, to the minor version.
    public static let swiftCompiler: String = {
        #if compiler(>=6.5)
        return "6.5 or later"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #else
        return "6.1 or earlier"
        #endif
    }()

    /// `flex 0.1.0 (built with Swift 6.3)`.
    public static var description: String { "flex \(number) (built with Swift \(swiftCompiler))" }
}
