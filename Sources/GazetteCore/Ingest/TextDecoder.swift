import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Detects the character encoding of raw bytes and decodes them to a String.
///
/// The bytes decide, never a declaration (an HTML `charset` is often wrong). Order:
/// 1. byte-order marks (UTF-8, UTF-16 LE/BE);
/// 2. UTF-16 without a BOM: NUL bytes in one parity only (ASCII and Latin code units);
/// 3. known binary formats and control-byte soup are rejected;
/// 4. valid UTF-8; UTF-8 that is valid but for a few sequences (a truncated or damaged
///    file) is rejected with its own reason rather than misread as a legacy encoding;
/// 5. GB18030, Big5 and BOM-less NUL-free UTF-16 are all tried, and the decoding whose
///    characters are most typical of Chinese prose (`ChineseTextScore`) wins.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
    }

    /// Lowest `ChineseTextScore` accepted for a legacy decoding.
    static let minimumScore = 0.2

    public static func decode(_ bytes: [UInt8]) throws -> Decoded {
        if bytes.isEmpty { throw RejectReason("empty", "the file is empty") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let s = String(validatingUTF8Bytes: body) { return Decoded(text: s, encoding: "utf-8") }
            throw damagedUTF8(UTF8Stats(body), bom: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(Array(bytes.dropFirst(2)), little: true, name: "utf-16") }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(Array(bytes.dropFirst(2)), little: false, name: "utf-16") }
        if bytes.prefix(1 << 16).contains(0), let d = utf16WithoutBOM(bytes) { return d }
        if let magic = magicName(bytes) { throw RejectReason("binary", "binary content (\(magic)), not text") }
        if looksBinary(bytes) { throw RejectReason("binary", "binary content (control bytes), not text") }
        if let s = String(validatingUTF8Bytes: bytes) { return Decoded(text: s, encoding: "utf-8") }
        let stats = UTF8Stats(bytes, stopOnceLegacy: true)
        if stats.looksLikeDamagedUTF8 { throw damagedUTF8(stats, bom: false) }

        // Legacy Chinese encodings and NUL-free UTF-16: decode every way, keep the most plausible.
        var candidates: [(Decoded, Double)] = []
        if let gb = lenientIconv(bytes, from: "GB18030") {
            candidates.append((Decoded(text: gb, encoding: "gb18030"), ChineseTextScore.score(gb)))
        }
        if let b5 = lenientIconv(bytes, from: "BIG5-HKSCS") ?? lenientIconv(bytes, from: "BIG5") {
            candidates.append((Decoded(text: b5, encoding: "big5"), ChineseTextScore.score(b5)))
        }
        if bytes.count % 2 == 0 {
            for little in [true, false] {
                if let d = try? utf16(bytes, little: little, name: "utf-16", stopEarly: true) {
                    candidates.append((d, ChineseTextScore.score(d.text)))
                }
            }
        }
        // Ties go to the earlier candidate (GB18030, the commonest legacy encoding).
        var best: (Decoded, Double)? = nil
        for c in candidates where best == nil || c.1 > best!.1 { best = c }
        if let best, best.1 > minimumScore { return best.0 }
        throw RejectReason("undecodable", "not UTF-8, UTF-16, GB18030 or Big5 text (corrupt or another encoding)")
    }

    static func damagedUTF8(_ s: UTF8Stats, bom: Bool) -> RejectReason {
        if s.errors == 0 && s.truncatedAtEnd {
            return RejectReason("truncated-utf8", "UTF-8 text cut off in the middle of a character (truncated file)")
        }
        return RejectReason("invalid-utf8", "UTF-8 text with \(s.errors + (s.truncatedAtEnd ? 1 : 0)) invalid byte sequence(s)\(bom ? " after a byte-order mark" : "")")
    }

    /// Decode UTF-16 code units; a handful of unpaired surrogates become U+FFFD, more reject.
    static func utf16(_ body: [UInt8], little: Bool, name: String, stopEarly: Bool = false) throws -> Decoded {
        var units = [UInt16](); units.reserveCapacity(body.count / 2)
        var i = 0
        while i + 1 < body.count {
            units.append(little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
            i += 2
        }
        var out: [UInt8] = []   // UTF-8, much cheaper to grow than a String's scalars
        out.reserveCapacity(units.count * 3)
        var bad = body.count % 2
        let allowed = max(2, units.count / 1000)
        var it = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): UTF8.encode(s) { out.append($0) }
            case .emptyInput: break loop
            case .error:
                bad += 1; out.append(contentsOf: [0xEF, 0xBF, 0xBD])   // U+FFFD
                // Past the allowance the reading is rejected whatever follows: a candidate
                // reading (whose reason nobody sees) stops here.
                if stopEarly && bad > allowed { throw RejectReason("invalid-utf16", "more than \(allowed) invalid UTF-16 sequences") }
            }
        }
        if bad > allowed { throw RejectReason("invalid-utf16", "\(bad) invalid UTF-16 sequences") }
        return Decoded(text: String(decoding: out, as: UTF8.self), encoding: name)
    }

    /// UTF-16 without a BOM, recognised by its NUL bytes (no other text encoding has any):
    /// both byte orders are decoded and the plausible one most typical of Chinese wins.
    /// Binary data with NULs decodes to implausible text in both orders and returns nil.
    static func utf16WithoutBOM(_ b: [UInt8]) -> Decoded? {
        var best: (Decoded, Double)? = nil
        for little in [true, false] {
            guard let d = try? utf16(b, little: little, name: "utf-16", stopEarly: true), plausibleText(d.text) else { continue }
            let score = ChineseTextScore.score(d.text)
            if best == nil || score > best!.1 { best = (d, score) }
        }
        return best?.0
    }

    /// Decoded text that is mostly letters, CJK, punctuation and line breaks (not binary read as UTF-16).
    static func plausibleText(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var good = 0, total = 0
            var i = 0
            while i < b.count && total < 20_000 {
                let (v, len) = FastText.scalar(b, i)
                i += len
                total += 1
                if v == 0x0A || v == 0x0D || v == 0x09 || (v >= 0x20 && v < 0x7F) || (v >= 0x4E00 && v <= 0x9FFF)
                    || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2000 && v <= 0x206F)
                    || (v >= 0xA0 && v <= 0x24F) { good += 1 }
            }
            return total > 0 && good * 100 >= total * 95
        }
    }

    /// Files that are clearly not text: many control bytes.
    static func looksBinary(_ b: [UInt8]) -> Bool {
        let n = min(b.count, 4096)
        var control = 0
        for i in 0..<n {
            let c = b[i]
            if c == 0 || (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x1B) { control += 1 }
        }
        return control > 0 && control * 100 > n   // more than 1 % control bytes (text has none)
    }

    static func magicName(_ b: [UInt8]) -> String? {
        let magics: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0x25, 0x50, 0x44, 0x46], "PDF document"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"), ([0xFF, 0xD8, 0xFF], "JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "GIF image"), ([0xD0, 0xCF, 0x11, 0xE0], "OLE2 (doc/xls) file"),
            ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x1F, 0x8B], "nested gzip"),
            ([0x52, 0x61, 0x72, 0x21], "RAR archive"), ([0x37, 0x7A, 0xBC, 0xAF], "7z archive"),
        ]
        for (m, name) in magics where b.starts(with: m) { return name }
        return nil
    }

    /// Decode with iconv, replacing a few invalid bytes by U+FFFD (real pages carry the odd
    /// stray byte); nil when the bytes are mostly invalid in that encoding.
    static func lenientIconv(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var out = [UInt8](); out.reserveCapacity(bytes.count * 3 / 2 + 16)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var errors = 0
        let limit = max(2, bytes.count / 2000)
        var offset = 0
        var input = bytes
        let ok: Bool = input.withUnsafeMutableBufferPointer { ib in
            buffer.withUnsafeMutableBufferPointer { ob in
                while offset < ib.count {
                    var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                    var inLeft = ib.count - offset
                    var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = ob.count
                    let r = iconv(cd, &ip, &inLeft, &op, &outLeft)
                    let err = errno
                    out.append(contentsOf: UnsafeBufferPointer(start: ob.baseAddress, count: ob.count - outLeft))
                    offset = ib.count - inLeft
                    if r != -1 { break }
                    if err == E2BIG { continue }
                    // EILSEQ or EINVAL (incomplete at the end): one replacement, skip a byte.
                    errors += 1
                    if errors > limit { return false }
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    offset += 1
                }
                return true
            }
        }
        guard ok else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

/// How UTF-8-like some bytes are: valid multi-byte sequences against damaged places
/// (stray continuation bytes after a bad byte count once with it).
struct UTF8Stats {
    var multibyte = 0
    var errors = 0
    var truncatedAtEnd = false

    /// With `stopOnceLegacy`, counting stops as soon as the rest of the bytes could not make
    /// `looksLikeDamagedUTF8` true (a legacy encoding's errors come in bulk): the counts are
    /// then partial, and only that verdict may be read from them.
    init(_ bytes: [UInt8], stopOnceLegacy: Bool = false) {
        bytes.withUnsafeBufferPointer { count($0, stopOnceLegacy: stopOnceLegacy) }
    }

    private mutating func count(_ b: UnsafeBufferPointer<UInt8>, stopOnceLegacy: Bool) {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default:
                bad(i, c); i += 1
                // Each further multi-byte sequence takes at least 2 bytes.
                if stopOnceLegacy && errors * 30 > multibyte + (n - i) / 2 { return }
                continue
            }
            if i + len > n {
                // Continuation bytes up to the end: a character cut off by truncation.
                if b[(i + 1)...].allSatisfy({ $0 & 0xC0 == 0x80 }) { truncatedAtEnd = true } else { errors += 1 }
                break
            }
            var ok = true
            for k in 1..<len where b[i + k] & 0xC0 != 0x80 { ok = false }
            if ok { multibyte += 1; i += len; continue }
            bad(i, c); i += 1
            if stopOnceLegacy && errors * 30 > multibyte + (n - i) / 2 { return }
        }
    }

    private var lastBad = -2
    /// Stray continuation bytes right after a bad byte belong to the same damaged character.
    private mutating func bad(_ i: Int, _ byte: UInt8) {
        if !(i == lastBad + 1 && byte & 0xC0 == 0x80) { errors += 1 }
        lastBad = i
    }

    /// UTF-8 with a few bad sequences: legacy encodings produce errors in bulk.
    var looksLikeDamagedUTF8: Bool {
        (errors == 0 && truncatedAtEnd && multibyte > 0) || (multibyte >= 8 && errors * 30 <= multibyte)
    }
}

extension String {
    /// A String only when `bytes` are valid UTF-8 (no replacement).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        // The standard library's validating initialiser: one vectorised pass, no repair.
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        self = s
    }
}
