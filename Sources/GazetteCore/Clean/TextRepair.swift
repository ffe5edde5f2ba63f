import Foundation
import GazetteModel

/// Character-level repairs of the clean stage: folding, entities, injected noise.
///
/// Each repair records what it removed. `Cleaner` repeats them until nothing changes,
/// so that its output is a fixed point (cleaning cleaned text changes nothing).
enum TextRepair {
    /// Zero-width and direction characters used as watermarks or left by editors.
    static let watermark: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E,
                                         0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    /// Full-width ASCII letters and digits → ASCII, odd spaces → space, watermark and
    /// control characters removed. Full-width Chinese punctuation (，。：；（）) is text: kept,
    /// and so is TAB, which separates the cells of a table row.
    static func fold(_ s: String, removed: inout [RemovedLine]) -> String {
        var marks = 0
        var changed = false
        var str = s
        let folded: [UInt8]? = str.withUTF8 { b in
            // Most text needs no folding: find the first scalar that does before copying.
            var i = 0
            while i < b.count {
                let c0 = b[i]
                if c0 < 0x80 {
                    if c0 >= 0x20 && c0 < 0x7F || c0 == 0x0A || c0 == 0x09 { i += 1; continue }
                    break
                }
                // Lead bytes E4–ED start U+4000–U+DFFF (CJK): never folded.
                if c0 >= 0xE4 && c0 <= 0xED && i + 2 < b.count { i += 3; continue }
                let (v, len) = FastText.scalar(b, i)
                if foldScalar(v) != nil { break }
                i += len
            }
            guard i < b.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var run = 0   // start of the pending run of bytes kept as they are
            while i < b.count {
                let c0 = b[i]
                if c0 < 0x80 {
                    if c0 >= 0x20 && c0 < 0x7F || c0 == 0x0A || c0 == 0x09 { i += 1; continue }
                } else if c0 >= 0xE4 && c0 <= 0xED && i + 2 < b.count {
                    i += 3; continue
                }
                // Swift strings hold valid UTF-8: decode the scalar at `i` by hand.
                let (v, len) = FastText.scalar(b, i)
                if let r = foldScalar(v) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    changed = true
                    if r == 0 { marks += 1 } else { out.append(r) }
                    run = i + len
                }
                i += len
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count]))
            return out
        }
        guard let out = folded else { return s }
        if marks > 0 { removed.append(RemovedLine(rule: "watermark-characters", text: "\(marks) invisible or control characters")) }
        return changed ? String(knownValidUTF8: out) : s
    }

    /// What `fold` makes of one scalar: nil to keep it, 0 to drop it, else the ASCII byte
    /// that replaces it.
    @inline(__always)
    static func foldScalar(_ v: UInt32) -> UInt8? {
        if v >= 0x20 && v < 0x7F || v > 0x3000 && v < 0xE000 { return nil }   // printable ASCII, CJK: the common cases
        if watermark.contains(v) || (v >= 0xE000 && v <= 0xF8FF) || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if v >= 0xFF10 && v <= 0xFF19 || v >= 0xFF21 && v <= 0xFF3A || v >= 0xFF41 && v <= 0xFF5A {
            return UInt8(v - 0xFEE0)
        } else if v == 0x00A0 || v == 0x3000 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F {
            return 0x20
        } else if v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x0B || v == 0x0C || v == 0x85 {
            return 0x0A
        } else if v < 0x20 && v != 0x0A && v != 0x09 || (v >= 0x7F && v < 0xA0) {
            return 0
        }
        return nil
    }

    /// Leftover or broken HTML entities: `&nbsp;` `&amp;` `&#8220;` `&9826;`.
    static let entity = try! NSRegularExpression(pattern: #"&#[xX][0-9a-fA-F]{1,6};?|&#[0-9]{1,7};?|&[0-9]{2,7};|&[a-zA-Z]{2,8};|&(nbsp|amp|lt|gt|quot|ensp|emsp)(?![a-zA-Z])"#)

    static func decodeEntities(_ s: String, removed: inout [RemovedLine]) -> String {
        guard FastText.containsByte(s, 0x26) else { return s }   // no `&`, no entity
        return replace(byteMatches: entityMatches, in: s) { m in
            let r = decodeEntity(m)
            if r.isEmpty { removed.append(RemovedLine(rule: "html-entity", text: m)) }
            return r
        }
    }

    /// The matches of `entity`, left to right, found on the UTF-8 bytes (every part of the
    /// pattern is ASCII): at each `&` the pattern's alternatives in their order.
    static func entityMatches(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        @inline(__always) func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        @inline(__always) func isHex(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }
        func run(from i: Int, max: Int, _ p: (UInt8) -> Bool) -> Int {
            var n = 0
            while n < max && p(at(i + n)) { n += 1 }
            return n
        }
        var out: [Range<Int>] = []
        var i = 0
        while i < b.count {
            guard b[i] == 0x26 else { i += 1; continue }
            var end = -1
            let c1 = at(i + 1)
            if c1 == 0x23 {                                            // &#x… or &#…
                if at(i + 2) | 0x20 == 0x78 {
                    let h = run(from: i + 3, max: 6, isHex)
                    if h > 0 { end = i + 3 + h }
                } else {
                    let d = run(from: i + 2, max: 7, isDigit)
                    if d > 0 { end = i + 2 + d }
                }
                if end >= 0 && at(end) == 0x3B { end += 1 }
            } else if isDigit(c1) {                                    // &9826;
                let d = run(from: i + 1, max: 8, isDigit)
                if d >= 2 && d <= 7 && at(i + 1 + d) == 0x3B { end = i + 2 + d }
            } else if isLetter(c1) {                                   // &name; or a bare &nbsp
                let l = run(from: i + 1, max: 9, isLetter)
                if l >= 2 && l <= 8 && at(i + 1 + l) == 0x3B {
                    end = i + 2 + l
                } else {
                    for w in bareEntities {
                        let e = i + 1 + w.count
                        guard e <= b.count, w.indices.allSatisfy({ b[i + 1 + $0] == w[$0] }) else { continue }
                        if !isLetter(at(e)) { end = e }
                        break   // the literals share no prefix: no other can match here
                    }
                }
            }
            if end > i { out.append(i..<end); i = end } else { i += 1 }
        }
        return out
    }

    static let bareEntities: [[UInt8]] = ["nbsp", "amp", "lt", "gt", "quot", "ensp", "emsp"].map { Array($0.utf8) }

    /// Named entities become their character; numeric ones become their character unless
    /// it is decoration (symbols, private use, controls); a broken numeric entity without
    /// `#` (`&9826;`) is dropped.
    static func decodeEntity(_ m: String) -> String {
        let body = m.trimmingCharacters(in: CharacterSet(charactersIn: "&;"))
        switch body.lowercased() {
        case "nbsp", "ensp", "emsp", "thinsp": return " "
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "ldquo": return "“"
        case "rdquo": return "”"
        case "lsquo": return "‘"
        case "rsquo": return "’"
        case "mdash": return "—"
        case "ndash": return "–"
        case "hellip": return "…"
        case "middot": return "·"
        case "bull": return "•"
        case "times": return "×"
        case "copy": return "©"
        default: break
        }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let v = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let v, let u = Unicode.Scalar(v) else { return "" }
            let decoration = v < 0x20 || (v >= 0x7F && v < 0xA0) || (v >= 0x2190 && v <= 0x2BFF) || (v >= 0xE000 && v <= 0xF8FF)
                || v >= 0x1F000 || watermark.contains(v) || v == 0x26 || v == 0xFFFD
            return decoration ? "" : String(Character(u))
        }
        if body.allSatisfy({ $0.isNumber }) { return "" }   // &9826; — a broken numeric entity
        return m   // an unknown word after & — leave the text alone
    }

    /// Pinyin in parentheses right after Chinese characters: 政务(zhèng wù) → 政务.
    /// Only lower-case syllables that are pinyin (with tone marks or tone digits, or every
    /// syllable a valid pinyin syllable) — never an abbreviation such as (PPP) or (app).
    static let pinyinGroup = try! NSRegularExpression(pattern: #"(?<=\p{Han})(?:[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü1-5]+(?:[\s'’-]+[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü1-5]+)*\s*[)）])+"#)
    static let syllable = try! NSRegularExpression(pattern: #"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iang|iong|uang|ueng|ang|eng|ing|ong|uan|üan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ün|ui|ie|iu|ia|ua|uo|ue|üe|ve|er|a|o|e|i|u|v|ü)(ng|n|r)?[1-5]?$"#)
    static let toned = CharacterSet(charactersIn: "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")

    /// What a group that `removePinyin` removes needs: a Han character (all are at or above
    /// U+2E80), a bracket, white space, then a letter — every pinyin syllable starts with
    /// one. A cheap test before the regular expression runs over the whole text; without
    /// it no match can be removed.
    static func mayHavePinyin(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            // Brackets are rare: look for them byte by byte, and only around one decode
            // the character before it and the characters after it.
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                let bracket = c == 0x28 ? 1 : (c == 0xEF && i + 2 < n && b[i + 1] == 0xBC && b[i + 2] == 0x88 ? 3 : 0)
                if bracket == 0 { i += 1; continue }
                if i > 0 {
                    var p = i - 1
                    while p > 0 && b[p] & 0xC0 == 0x80 { p -= 1 }
                    if FastText.scalar(b, p).value >= 0x2E80 {
                        var j = i + bracket
                        while j < n {
                            let (v, len) = FastText.scalar(b, j)
                            if isPinyinLetter(v) { return true }
                            if !FastText.isUnicodeWhitespace(v) { break }
                            j += len
                        }
                    }
                }
                i += bracket
            }
            return false
        }
    }

    /// The scalar-by-scalar `mayHavePinyin` (tests).
    static func referenceMayHavePinyin(_ s: String) -> Bool {
        var prev: UInt32 = 0
        var state = 0   // 1: after Han + bracket (and white space)
        for u in s.unicodeScalars {
            let v = u.value
            if state == 1 {
                if pinyinLetter.contains(u) { return true }
                if !FastText.isUnicodeWhitespace(v) { state = 0 }
            }
            if state == 0, v == 0x28 || v == 0xFF08, prev >= 0x2E80 { state = 1 }
            prev = v
        }
        return false
    }

    static let pinyinLetter = Set("abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".unicodeScalars)

    @inline(__always)
    static func isPinyinLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return v < 0x250 && pinyinLetter.contains(Unicode.Scalar(v)!)
    }

    /// Where `pinyinGroup` can match, as UTF-8 byte ranges: from the character before a
    /// bracket that follows a character at or above U+2E80 (every Han character is) to the
    /// first character no group can hold. Every character a match consumes — brackets,
    /// white space, Latin letters and digits, ’ — is below U+0250 or one of a few
    /// punctuation and space characters, so a match never leaves its range, and the
    /// expression run on the range alone finds the same matches as on the whole text.
    static func pinyinRanges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        @inline(__always) func groupable(_ v: UInt32) -> Bool {
            v < 0x250 || v == 0xFF08 || v == 0xFF09 || v == 0x3000 || v == 0x1680 || (v >= 0x2000 && v <= 0x202F) || v == 0x205F
        }
        var out: [Range<Int>] = []
        let n = b.count
        var i = 0
        while i < n {
            // Brackets are rare: find one by its bytes, then look at the character before it.
            let c = b[i]
            let bracket = c == 0x28 ? 1 : (c == 0xEF && i + 2 < n && b[i + 1] == 0xBC && b[i + 2] == 0x88 ? 3 : 0)
            if bracket == 0 || i == 0 { i += 1; continue }
            var q = i - 1
            while q > 0 && b[q] & 0xC0 == 0x80 { q -= 1 }
            guard q >= (out.last?.upperBound ?? 0), FastText.scalar(b, q).value >= 0x2E80 else { i += bracket; continue }
            var j = i
            while j < n {
                let (w, l) = FastText.scalar(b, j)
                guard groupable(w) else { break }
                j += l
            }
            out.append(q..<j)
            i = j
        }
        return out
    }

    /// A match of `pinyinGroup`: removed (and recorded) when every group is pinyin.
    static func judgePinyin(_ m: String, removed: inout [RemovedLine]) -> String {
        let inner = m.split(whereSeparator: { "()（）".contains($0) })
        let ok = inner.allSatisfy { group in
            let sylls = group.split(whereSeparator: { " '’-".contains($0) }).map(String.init)
            return sylls.allSatisfy { syl in
                let plain = syl.folding(options: .diacriticInsensitive, locale: nil)
                return ChromeRules.matches(syllable, plain) || ChromeRules.matches(syllable, syl)
            } && (group.unicodeScalars.contains { toned.contains($0) } || sylls.count >= 2
                  || group.last.map { "12345".contains($0) } == true)
        }
        guard ok else { return m }
        removed.append(RemovedLine(rule: "pinyin-noise", text: m))
        return ""
    }

    static func removePinyin(_ s: String, removed: inout [RemovedLine]) -> String {
        guard mayHavePinyin(s) else { return s }
        func judge(_ m: String) -> String { judgePinyin(m, removed: &removed) }
        // The expression runs on each candidate range only, not over the whole text.
        let original = s
        var s = s
        var changed = false
        let out: [UInt8] = s.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var last = 0
            for r in pinyinRanges(b) {
                let piece = String(knownValidUTF8: UnsafeBufferPointer(rebasing: b[r]))
                let replaced = replace(pinyinGroup, in: piece, with: judge)
                if replaced == piece { continue }
                changed = true
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[last..<r.lowerBound]))
                out.append(contentsOf: replaced.utf8)
                last = r.upperBound
            }
            if changed { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[last...])) }
            return out
        }
        return changed ? String(knownValidUTF8: out) : original
    }

    /// Lost-space mojibake: question marks separated by spaces ("2023年3月31日? ?") or in a
    /// run ("??") stand for spaces or characters a conversion lost. A single "?" is a question.
    static let lostSpace = try! NSRegularExpression(pattern: #"[ ]*\?(?:[ ]*\?)+[ ]*"#)

    static func repairLostSpaces(_ s: String, removed: inout [RemovedLine]) -> String {
        guard FastText.containsByte(s, 0x3F) else { return s }   // no `?`
        return replace(byteMatches: lostSpaceMatches, in: s) { m in
            removed.append(RemovedLine(rule: "lost-space-mojibake", text: m))
            return " "
        }
    }

    /// The matches of `lostSpace` on the UTF-8 bytes: a `?` followed, across spaces, by
    /// more `?`, with the spaces on both sides.
    static func lostSpaceMatches(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = b.count
        while i < n {
            guard let p = memchr(b.baseAddress! + i, 0x3F, n - i) else { break }
            i = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - b.baseAddress!
            var j = i + 1, k = j
            var count = 1
            while true {
                while k < n && b[k] == 0x20 { k += 1 }
                guard k < n && b[k] == 0x3F else { break }
                count += 1; j = k + 1; k = j
            }
            guard count >= 2 else { i += 1; continue }
            var start = i
            while start > (out.last?.upperBound ?? 0) && b[start - 1] == 0x20 { start -= 1 }
            var end = j
            while end < n && b[end] == 0x20 { end += 1 }
            out.append(start..<end)
            i = end
        }
        return out
    }

    /// `replace` for matches found on the UTF-8 bytes (byte ranges, in order, disjoint).
    static func replace(byteMatches find: (UnsafeBufferPointer<UInt8>) -> [Range<Int>], in s: String,
                        with f: (String) -> String) -> String {
        let original = s
        var s = s
        return s.withUTF8 { b in
            let matches = find(b)
            if matches.isEmpty { return original }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var last = 0
            for m in matches {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[last..<m.lowerBound]))
                out.append(contentsOf: f(String(knownValidUTF8: UnsafeBufferPointer(rebasing: b[m]))).utf8)
                last = m.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[last...]))
            return String(knownValidUTF8: out)
        }
    }

    static func replace(_ re: NSRegularExpression, in s: String, with f: (String) -> String) -> String {
        let ns = s as NSString
        let matches = re.matches(in: s, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return s }
        var out = ""
        var last = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += f(ns.substring(with: m.range))
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }
}
