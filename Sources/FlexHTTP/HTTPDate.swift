// RFC 9110 HTTP-date parsing by hand (flex loads FoundationEssentials only, no date formatters).

/// An HTTP-date (RFC 9110 §5.6.7) as seconds since the Unix epoch, UTC.
///
/// Accepts the three forms a recipient must: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the
/// obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`) and ANSI C's asctime() form
/// (`Sun Nov  6 08:49:37 1994`). The weekday must be a weekday name but is not checked against
/// the date (RFC 9110 lets a recipient ignore it); month and weekday names match in any case.
enum HTTPDate {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is none of the three forms.
    /// `referenceYear` resolves RFC 850's two-digit year: the year in that century, or the one
    /// before when it would be more than 50 years after the reference (RFC 9110 §5.6.7).
    static func parse(_ text: String, referenceYear: Int = 2000) -> Int64? {
        let bytes = Array(text.utf8)
        var scanner = Scanner(bytes: bytes[...])
        scanner.skipSpaces()
        guard let weekday = scanner.letters(), Self.isWeekday(weekday) else { return nil }
        let fields: Fields?
        if scanner.take(UInt8(ascii: ",")) {
            scanner.skipSpaces()
            fields = weekday.count == 3 ? imfFixdate(&scanner) : rfc850(&scanner, referenceYear: referenceYear)
        } else {
            fields = weekday.count == 3 ? asctime(&scanner) : nil
        }
        scanner.skipSpaces()
        guard let fields, scanner.isAtEnd else { return nil }
        return fields.epochSeconds
    }

    struct Fields {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        /// nil when a field is out of range (Feb 30, 25:00, second 61…).
        var epochSeconds: Int64? {
            guard (1...9999).contains(year), (1...12).contains(month), (1...HTTPDate.daysIn(month, of: year)).contains(day),
                  (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            let days = HTTPDate.daysFromCivil(year: year, month: month, day: day)
            return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        }
    }

    /// `06 Nov 1994 08:49:37 GMT` (after `Sun, `).
    static func imfFixdate(_ scanner: inout Scanner) -> Fields? {
        guard let day = scanner.digits(exactly: 2), scanner.take(0x20), let month = scanner.month(), scanner.take(0x20),
              let year = scanner.digits(exactly: 4), scanner.take(0x20), let time = scanner.timeOfDay(), scanner.take(0x20),
              scanner.gmt() else { return nil }
        return Fields(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
    }

    /// `06-Nov-94 08:49:37 GMT` (after `Sunday, `).
    static func rfc850(_ scanner: inout Scanner, referenceYear: Int) -> Fields? {
        guard let day = scanner.digits(exactly: 2), scanner.take(UInt8(ascii: "-")), let month = scanner.month(),
              scanner.take(UInt8(ascii: "-")), let shortYear = scanner.digits(exactly: 2), scanner.take(0x20),
              let time = scanner.timeOfDay(), scanner.take(0x20), scanner.gmt() else { return nil }
        var year = referenceYear - referenceYear % 100 + shortYear
        if year > referenceYear + 50 { year -= 100 }
        return Fields(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
    }

    /// `Nov  6 08:49:37 1994` (after `Sun `): the day is two digits or a space and one digit.
    static func asctime(_ scanner: inout Scanner) -> Fields? {
        guard scanner.take(0x20), let month = scanner.month(), scanner.take(0x20) else { return nil }
        let day: Int?
        if scanner.take(0x20) { day = scanner.digits(exactly: 1) } else { day = scanner.digits(exactly: 2) }
        guard let day, scanner.take(0x20), let time = scanner.timeOfDay(), scanner.take(0x20),
              let year = scanner.digits(exactly: 4) else { return nil }
        return Fields(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let longWeekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func isWeekday(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return weekdays.contains(lowered) || longWeekdays.contains(lowered)
    }

    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year (proleptic Gregorian) of a Unix time, for `referenceYear`.
    static func year(ofEpochSeconds seconds: Int64) -> Int {
        // civil_from_days, keeping only the year.
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0)
    }

    struct Scanner {
        var bytes: ArraySlice<UInt8>

        var isAtEnd: Bool { bytes.isEmpty }

        mutating func skipSpaces() {
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes.removeFirst()
            return true
        }

        /// A run of ASCII letters (at most 9, the length of "wednesday").
        mutating func letters() -> String? {
            var taken: [UInt8] = []
            while let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") {
                taken.append(first)
                bytes.removeFirst()
                if taken.count > 9 { return nil }
            }
            return taken.isEmpty ? nil : String(decoding: taken, as: UTF8.self)
        }

        mutating func digits(exactly count: Int) -> Int? {
            guard bytes.count >= count else { return nil }
            var value = 0
            for byte in bytes.prefix(count) {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            bytes.removeFirst(count)
            return value
        }

        /// A three-letter month name: 1...12.
        mutating func month() -> Int? {
            guard bytes.count >= 3 else { return nil }
            let name = String(decoding: bytes.prefix(3), as: UTF8.self).lowercased()
            guard let index = HTTPDate.months.firstIndex(of: name) else { return nil }
            bytes.removeFirst(3)
            return index + 1
        }

        /// `HH:MM:SS`.
        mutating func timeOfDay() -> (Int, Int, Int)? {
            guard let hour = digits(exactly: 2), take(UInt8(ascii: ":")), let minute = digits(exactly: 2), take(UInt8(ascii: ":")),
                  let second = digits(exactly: 2) else { return nil }
            return (hour, minute, second)
        }

        mutating func gmt() -> Bool {
            guard bytes.count >= 3, String(decoding: bytes.prefix(3), as: UTF8.self) == "GMT" else { return false }
            bytes.removeFirst(3)
            return true
        }
    }
}
