/// Text hard-wrapped at a fixed width, as PDF-to-text and fixed-width exports give it:
/// many lines of (nearly) one length, each continuing on the next. Such a line is joined
/// with the next unless the next starts a clause after a finished sentence.
///
/// The width is the most common length among lines of 16 characters or more; the layout is
/// taken for wrapped when at least four lines and 40 % of those lines are within one
/// character of it (a document of one paragraph a line has lengths spread far wider).
/// A line counts as full when it reaches the width less three characters (a wrap falls
/// before a character that would not fit, and half-width digits shift it).
struct HardWrapRecognizer: LayoutRecognizer {
    var name: String { "hard-wrap" }

    func apply(_ page: inout LayoutPage) {
        let lengths = page.lines.map { SimpleText.count($0.wsTrimmed) }
        guard let width = Self.wrapWidth(lengths) else { return }
        var out: [String] = []
        out.reserveCapacity(page.lines.count)
        var pending: String? = nil
        var pendingFull = false
        for (i, raw) in page.lines.enumerated() {
            let line = raw.wsTrimmed
            if line.isEmpty {
                if let p = pending { out.append(p); pending = nil }
                out.append("")
                continue
            }
            // Pieces are glued untrimmed: a wrap that fell on a space keeps it (a flattened
            // file's paragraph gap).
            if let p = pending {
                if pendingFull, !Self.startsNewParagraph(after: p, line) {
                    page.note(name, .join, line)
                    pending = Self.glue(p, raw)
                } else {
                    out.append(p)
                    pending = raw
                }
            } else {
                pending = raw
            }
            pendingFull = lengths[i] >= width - 3
        }
        if let p = pending { out.append(p) }
        page.lines = out
    }

    /// The wrap width, or nil when the lines are not hard-wrapped.
    static func wrapWidth(_ lengths: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        var long = 0
        for n in lengths where n >= 16 { counts[n, default: 0] += 1; long += 1 }
        guard long >= 4, let (width, _) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }),
              width <= 120 else { return nil }
        let near = (width - 1...width + 1).reduce(0) { $0 + counts[$1, default: 0] }
        return near >= 4 && near * 10 >= long * 4 ? width : nil
    }

    /// A finished sentence followed by a line that opens with a clause label.
    static func startsNewParagraph(after previous: String, _ line: String) -> Bool {
        guard let last = previous.wsTrimmed.unicodeScalars.last, "。！？：；”）)」".unicodeScalars.contains(last) else { return false }
        return ClauseLabel.recognize(line) != nil
    }

    /// Two pieces of one line: no space between wide characters, one between ASCII words.
    static func glue(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first, x != " ", y != " " else { return a + b }
        return x.isASCII && y.isASCII && x.properties.isAlphabetic && y.properties.isAlphabetic ? a + " " + b : a + b
    }
}
