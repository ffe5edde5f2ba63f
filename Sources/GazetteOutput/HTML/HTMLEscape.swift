import GazetteModel

/// Escaping rules for text and attribute values.
public enum HTMLEscape {
    public static func text(_ s: String, into out: inout String) { escape(s, quotes: false, into: &out) }

    public static func attribute(_ s: String, into out: inout String) { escape(s, quotes: true, into: &out) }

    /// `escape` into UTF-8 bytes: runs of ordinary bytes copied in one piece.
    static func escape(_ s: String, quotes: Bool, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            var start = 0
            var i = 0
            while i < b.count {
                // Eight bytes at once while none is at or below ">" (Chinese text, most ASCII letters).
                if i + 8 <= b.count, !ByteWord(b, at: i).hasByte(below: 0x3F) { i += 8; continue }
                defer { i += 1 }
                guard b[i] <= 0x3E else { continue }
                let rep: StaticString
                switch b[i] {
                case 0x26: rep = "&amp;"
                case 0x3C: rep = "&lt;"
                case 0x3E: rep = "&gt;"
                case 0x22 where quotes: rep = "&quot;"
                case 0x27 where quotes: rep = "&#39;"
                case 0x00: rep = "\u{FFFD}"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                rep.withUTF8Buffer { out.append(contentsOf: $0) }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start...]))
        }
    }

    /// Copies runs of ordinary text in one piece and replaces the few special ASCII bytes;
    /// those bytes are always scalar boundaries, so the runs are whole scalars. (Appending
    /// through `out.unicodeScalars` copied the whole page on every call: quadratic.)
    static func escape(_ s: String, quotes: Bool, into out: inout String) {
        // Most text has nothing to escape: one scan, one append.
        if !needsEscape(s, quotes: quotes) {
            out.append(s)
            return
        }
        let bytes = s.utf8, scalars = s.unicodeScalars
        var start = bytes.startIndex, i = start
        while i != bytes.endIndex {
            let rep: String?
            switch bytes[i] {
            case 0x26: rep = "&amp;"
            case 0x3C: rep = "&lt;"
            case 0x3E: rep = "&gt;"
            case 0x22 where quotes: rep = "&quot;"
            case 0x27 where quotes: rep = "&#39;"
            case 0x00: rep = "\u{FFFD}"
            default: rep = nil
            }
            if let rep {
                out.append(contentsOf: Substring(scalars[start..<i]))
                out += rep
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        out.append(contentsOf: Substring(scalars[start..<bytes.endIndex]))
    }

    /// Whether `s` has a byte `escape` replaces, scanned over its UTF-8 storage.
    static func needsEscape(_ s: String, quotes: Bool) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for c in b where c <= 0x3E {
                switch c {
                case 0x26, 0x3C, 0x3E, 0x00: return true
                case 0x22, 0x27: if quotes { return true }
                default: break
                }
            }
            return false
        }
    }

    public static func escapeText(_ s: String) -> String { var o = ""; text(s, into: &o); return o }

    /// Tag and attribute names: ASCII letters, digits and '-' only.
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
