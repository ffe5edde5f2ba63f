/// Values of Chinese numerals as written in clause labels: 一 … 九十九 … 一百二十三,
/// with 〇/零, 两 and the formal 壹贰叁 forms, and ASCII digits.
public enum ChineseNumeral {
    static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    ]
    static let units: [Character: Int] = ["十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000]

    /// The characters a Chinese numeral is made of.
    public static let characters: Set<Character> = Set(digits.keys).union(units.keys)

    /// The integer value of `s` (一 → 1, 十一 → 11, 三十四 → 34, 一百零五 → 105, 12 → 12), or nil.
    public static func value(_ s: Substring) -> Int? {
        if s.isEmpty { return nil }
        if s.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(s) }
        var total = 0, current = 0, sawAny = false
        for ch in s {
            if let d = digits[ch] {
                current = d; sawAny = true
            } else if let u = units[ch] {
                total += (current == 0 ? 1 : current) * u
                current = 0; sawAny = true
            } else {
                return nil
            }
        }
        let v = total + current
        return sawAny ? v : nil
    }

    public static func value(_ s: String) -> Int? { value(Substring(s)) }

    /// Circled numbers ①–⑳ used for inline enumerations.
    public static func circledValue(_ c: Character) -> Int? {
        guard let u = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        if u.value >= 0x2460 && u.value <= 0x2473 { return Int(u.value - 0x2460) + 1 }
        return nil
    }
}
