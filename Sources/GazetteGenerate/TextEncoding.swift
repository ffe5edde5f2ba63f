import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Encodes text into the byte encodings of the generated corpus (through iconv).
enum TextEncoding {
    /// `text` in `encoding` (utf-8, utf-8-bom, utf-16le, gb18030, big5); nil when a
    /// character has no code in that encoding (Big5 lacks many simplified characters).
    static func encode(_ text: String, as encoding: String) -> [UInt8]? {
        switch encoding {
        case "utf-8": return Array(text.utf8)
        case "utf-8-bom": return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "utf-16le":
            var out: [UInt8] = [0xFF, 0xFE]
            out.reserveCapacity(text.utf16.count * 2 + 2)
            for u in text.utf16 { out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8)) }
            return out
        case "gb18030": return iconv(text, to: "GB18030")
        case "big5": return iconv(text, to: "BIG5") ?? iconv(text, to: "BIG5-HKSCS")
        default: return nil
        }
    }

    static func iconv(_ text: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        if input.isEmpty { return [] }
        var out = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count, outLeft = out.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { ib in
            out.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress!).assumingMemoryBound(to: CChar.self)
                return Glibc.iconv(cd, &ip, &inLeft, &op, &outLeft) != -1 && inLeft == 0
            }
        }
        return ok ? Array(out[0..<(out.count - outLeft)]) : nil
    }
}
