/// How Word writes the number of a list level (`w:numFmt`): the label a reader sees, so
/// that automatic numbering reaches the structure stage as the text 一、 / （一） / 1. it shows.
enum DOCXNumberFormat {
    static let chineseDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let legalTraditionalDigits: [Character] = ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"]
    static let heavenlyStems = Array("甲乙丙丁戊己庚辛壬癸")
    static let earthlyBranches = Array("子丑寅卯辰巳午未申酉戌亥")

    /// `n` written in `format` (`w:numFmt`'s value; `custom` with its `w:format` pattern).
    /// Formats not listed fall back to decimal, as Word does for formats it lacks.
    static func render(_ n: Int, _ format: String, pattern: String? = nil) -> String {
        switch format {
        case "decimal", "decimalHalfWidth": return String(n)
        case "decimalZero": return n >= 0 && n < 10 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String.UnicodeScalarView(String(n).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        case "upperRoman": return roman(n) ?? String(n)
        case "lowerRoman": return roman(n)?.lowercased() ?? String(n)
        case "upperLetter": return letters(n, base: 0x41) ?? String(n)
        case "lowerLetter": return letters(n, base: 0x61) ?? String(n)
        case "ordinal": return ordinal(n)
        case "chineseCounting", "japaneseCounting", "taiwaneseCounting":
            // 一 … 十 … 九十九 as counted; past 99 digit by digit (一〇一), as Word does.
            return n >= 0 && n < 100 ? counting(n, digits: chineseDigits, omitLeadingOne: true) : digitByDigit(n, chineseDigits)
        case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseLegal":
            return counting(n, digits: chineseDigits, omitLeadingOne: true)
        case "chineseLegalSimplified": return counting(n, digits: legalDigits, units: ["拾", "佰", "仟"], omitLeadingOne: false)
        case "ideographLegalTraditional":
            return counting(n, digits: legalTraditionalDigits, units: ["拾", "佰", "仟"], omitLeadingOne: false)
        case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital": return digitByDigit(n, chineseDigits)
        case "ideographTraditional": return cycle(n, heavenlyStems)
        case "ideographZodiac": return cycle(n, earthlyBranches)
        case "ideographZodiacTraditional":
            guard n >= 1 else { return String(n) }
            return String(heavenlyStems[(n - 1) % 10]) + String(earthlyBranches[(n - 1) % 12])
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return enclosed(n, first: 0x2460, count: 20)
        case "ideographEnclosedCircle": return enclosed(n, first: 0x3280, count: 10)
        case "decimalEnclosedFullstop": return enclosed(n, first: 0x2488, count: 20)
        case "decimalEnclosedParen": return enclosed(n, first: 0x2474, count: 20)
        case "ideographParenthesized": return enclosed(n, first: 0x3220, count: 10)
        case "custom":
            // Word 2010's custom formats ("001, 002, 003, ..."): zero-padded to the pattern's width.
            if let p = pattern?.split(separator: ",").first, p.first == "0", p.allSatisfy({ $0.isASCII && $0.isNumber }) {
                let s = String(n)
                return s.count < p.count ? String(repeating: "0", count: p.count - s.count) + s : s
            }
            return String(n)
        case "none": return ""
        default: return String(n)
        }
    }

    /// 一, 十, 十一, 二十一, 一百零一, 一千零一十 (units 十百千, then 万 groups).
    static func counting(_ n: Int, digits: [Character], units: [Character] = ["十", "百", "千"], omitLeadingOne: Bool) -> String {
        guard n > 0 else { return n == 0 ? String(digits[0]) : String(n) }
        if n >= 100_000_000 { return String(n) }
        if n >= 10_000 {
            let high = counting(n / 10_000, digits: digits, units: units, omitLeadingOne: omitLeadingOne) + "万"
            let low = n % 10_000
            if low == 0 { return high }
            let lowText = counting(low, digits: digits, units: units, omitLeadingOne: false)
            return high + (low < 1000 ? "零" : "") + lowText
        }
        var out = ""
        let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        let unitFor: [Character?] = [units[2], units[1], units[0], nil]
        var pendingZero = false
        for (k, d) in parts.enumerated() {
            if d == 0 {
                if !out.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { out.append("零"); pendingZero = false }
            // 十一 rather than 一十一 when ten is the highest unit.
            if !(omitLeadingOne && d == 1 && k == 2 && out.isEmpty) { out.append(digits[d]) }
            if let u = unitFor[k] { out.append(u) }
        }
        return out
    }

    static func digitByDigit(_ n: Int, _ digits: [Character]) -> String {
        guard n >= 0 else { return String(n) }
        return String(String(n).map { digits[Int(String($0))!] })
    }

    static func cycle(_ n: Int, _ items: [Character]) -> String {
        guard n >= 1 else { return String(n) }
        return n <= items.count ? String(items[n - 1]) : String(n)
    }

    static func enclosed(_ n: Int, first: UInt32, count: Int) -> String {
        guard n >= 1, n <= count else { return String(n) }
        return String(Character(Unicode.Scalar(first + UInt32(n - 1))!))
    }

    static func roman(_ n: Int) -> String? {
        guard n >= 1, n < 4000 else { return nil }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// A … Z, then AA … ZZ, AAA …: Word repeats the letter.
    static func letters(_ n: Int, base: UInt32) -> String? {
        guard n >= 1, n <= 780 else { return nil }
        let letter = Character(Unicode.Scalar(base + UInt32((n - 1) % 26))!)
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    static func ordinal(_ n: Int) -> String {
        let tens = n % 100, ones = n % 10
        let suffix = (11...13).contains(tens) ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }
}
