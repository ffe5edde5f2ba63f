import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Detects the character encoding of raw bytes and decodes them to a String.
///
/// Order: byte-order marks (UTF-8, UTF-16 LE/BE); valid UTF-8; UTF-16 without a BOM
/// (many NULs in alternating positions); then GB18030 and Big5 are both tried through
/// iconv and the decoding whose characters are more typical of Chinese text wins.
/// A wrong `charset` in an HTML page does not matter: the bytes decide.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
    }

    public static func decode(_ bytes: [UInt8]) throws -> Decoded {
        if bytes.isEmpty { throw RejectReason("empty", "the file is empty") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard let s = String(validatingUTF8Bytes: body) else {
                throw RejectReason("invalid-utf8", "UTF-8 byte-order mark but invalid UTF-8 after it")
            }
            return Decoded(text: s, encoding: "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(Array(bytes.dropFirst(2)), little: true, name: "utf-16le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(Array(bytes.dropFirst(2)), little: false, name: "utf-16be") }
        if let nulLittle = utf16WithoutBOM(bytes) {
            return try utf16(bytes, little: nulLittle, name: nulLittle ? "utf-16le" : "utf-16be")
        }
        if looksBinary(bytes) { throw RejectReason("binary", "binary content (\(magicName(bytes) ?? "control bytes"))") }
        if let s = String(validatingUTF8Bytes: bytes) { return Decoded(text: s, encoding: "utf-8") }

        // Legacy Chinese encodings: decode both ways, keep the more plausible.
        let gb = iconvDecode(bytes, from: "GB18030")
        let big5 = iconvDecode(bytes, from: "BIG5-HKSCS") ?? iconvDecode(bytes, from: "BIG5")
        let gbScore = gb.map(ChineseTextScore.score) ?? -1
        let b5Score = big5.map(ChineseTextScore.score) ?? -1
        if let big5, b5Score > gbScore, b5Score > 0.2 { return Decoded(text: big5, encoding: "big5") }
        if let gb, gbScore > 0.2 { return Decoded(text: gb, encoding: "gb18030") }
        if bytes.contains(where: { $0 >= 0x80 }) {
            throw RejectReason("undecodable", "not valid UTF-8, GB18030 or Big5 text (truncated or corrupt bytes)")
        }
        throw RejectReason("undecodable", "no text could be decoded")
    }

    static func utf16(_ body: [UInt8], little: Bool, name: String) throws -> Decoded {
        var units = [UInt16](); units.reserveCapacity(body.count / 2)
        var i = 0
        while i + 1 < body.count {
            units.append(little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
            i += 2
        }
        var out = String.UnicodeScalarView()
        var bad = 0
        var it = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: break loop
            case .error: bad += 1; out.append("\u{FFFD}")
            }
        }
        if bad > max(4, units.count / 100) { throw RejectReason("invalid-utf16", "\(bad) invalid UTF-16 sequences") }
        return Decoded(text: String(out), encoding: name)
    }

    /// UTF-16 without a BOM: most characters of Chinese or ASCII text put a NUL in every
    /// other byte for ASCII, and CJK code units rarely produce valid UTF-8/GB sequences.
    static func utf16WithoutBOM(_ b: [UInt8]) -> Bool? {
        guard b.count >= 4, b.count % 2 == 0 else { return nil }
        let n = min(b.count, 8192)
        var evenNul = 0, oddNul = 0
        for i in 0..<n where b[i] == 0 { if i % 2 == 0 { evenNul += 1 } else { oddNul += 1 } }
        let pairs = n / 2
        if oddNul > pairs / 8 && evenNul < pairs / 50 { return true }   // 'A' 00 → little endian
        if evenNul > pairs / 8 && oddNul < pairs / 50 { return false }
        // Pure CJK UTF-16 has no NULs: accept it when the 16-bit units are mostly CJK.
        if evenNul == 0 && oddNul == 0 && String(validatingUTF8Bytes: Array(b.prefix(n))) == nil {
            for little in [true, false] {
                var cjk = 0
                var i = 0
                while i + 1 < n {
                    let u = little ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1])
                    if (0x4E00...0x9FFF).contains(u) || (0x3000...0x303F).contains(u) || (0xFF00...0xFFEF).contains(u) { cjk += 1 }
                    i += 2
                }
                if cjk * 10 > pairs * 9 {
                    let s = try? utf16(b, little: little, name: "")
                    if let s, ChineseTextScore.score(s.text) > 0.3 { return little }
                }
            }
        }
        return nil
    }

    /// Files that are clearly not text: known magic numbers or many control bytes.
    static func looksBinary(_ b: [UInt8]) -> Bool {
        if magicName(b) != nil { return true }
        let n = min(b.count, 4096)
        var control = 0
        for i in 0..<n {
            let c = b[i]
            if c == 0 || (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x1B) { control += 1 }
        }
        return control * 20 > n   // more than 5 % control bytes
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

    /// Decode with iconv; nil when the bytes are invalid in that encoding.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var inLeft = input.count
        var outLeft = out.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { ib in
            out.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress!).assumingMemoryBound(to: CChar.self)
                let r = iconv(cd, &ip, &inLeft, &op, &outLeft)
                return r != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return String(decoding: out[0..<(out.count - outLeft)], as: UTF8.self)
    }
}

extension String {
    /// A String only when `bytes` are valid UTF-8 (no replacement).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var valid = true
        var it = bytes.makeIterator()
        var d = UTF8()
        loop: while true {
            switch d.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: valid = false; break loop
            }
        }
        guard valid else { return nil }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
