// Integer cents as the page prints them: "$1,234.56" (never through a Double).

enum MoneyText {
    /// `-1500` → `−$15.00`; thousands grouped with commas.
    static func dollars(_ cents: Int) -> String {
        let magnitude = cents.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (cents < 0 ? "\u{2212}$" : "$") + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
