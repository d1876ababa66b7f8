// The virtual clock's calendar arithmetic: epoch seconds <-> "2026-01-01T00:00:05Z".

enum Clock {
    /// 2026-01-01T00:00:00Z, where every simulator starts.
    static let start = 1_767_225_600
    /// The latest instant we accept (9999-12-31T23:59:59Z), so arithmetic never overflows.
    static let latest = 253_402_300_799

    /// ISO-8601 UTC text for epoch seconds (days-from-civil, Howard Hinnant's algorithm).
    static func iso(_ seconds: Int) -> String {
        let clamped = min(max(seconds, 0), latest)
        let days = clamped / 86_400
        let secondOfDay = clamped % 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = ""
        text.reserveCapacity(20)
        pad(&text, year, 4); text += "-"; pad(&text, month, 2); text += "-"; pad(&text, day, 2)
        text += "T"
        pad(&text, secondOfDay / 3600, 2); text += ":"; pad(&text, secondOfDay / 60 % 60, 2); text += ":"
        pad(&text, secondOfDay % 60, 2); text += "Z"
        return text
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (also `+00:00`); nil for anything else.
    static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard String(decoding: bytes[19...], as: UTF8.self) == "+00:00" else { return nil }
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              year >= 1970, (1...12).contains(month), (1...daysIn(month, year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        return days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ text: inout String, _ value: Int, _ width: Int) {
        let digits = String(value)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}
