import Foundation

/// Page furniture of printed documents: page numbers (`－ 3 －`, `— 12 —`, `-1-`,
/// `第 2 页 共 9 页`) on lines of their own, or inside a line where wrapped or flattened
/// text ran over a page break. Dropped; the text either side is joined by the wrap and
/// flattening recognizers that follow.
struct PageFurnitureRecognizer: LayoutRecognizer {
    var name: String { "page-furniture" }

    static let ownLine = try! NSRegularExpression(pattern: #"^(?:[－—–\-]{1,2}\s*\d{1,3}\s*[－—–\-]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$"#)
    static let inline = try! NSRegularExpression(pattern: #"(?<=\s|^)[－—–\-]{1,2}\s?\d{1,3}\s?[－—–\-]{1,2}(?=\s|$)"#)

    func apply(_ page: inout LayoutPage) {
        var kept: [String] = []
        kept.reserveCapacity(page.lines.count)
        for line in page.lines {
            let t = line.wsTrimmed
            if !t.isEmpty, t.utf8.count <= 40, Self.mayBeFurniture(t), MetadataExtractor.first(Self.ownLine, t) != nil {
                page.note(name, .drop, t)
                continue
            }
            if line.utf8.count > 40, Self.hasDashDigit(line) {
                let ns = line as NSString
                let range = NSRange(location: 0, length: ns.length)
                if Self.inline.numberOfMatches(in: line, range: range) > 0 {
                    page.note(name, .drop, line)
                    kept.append(Self.inline.stringByReplacingMatches(in: line, range: range, withTemplate: "").replacingOccurrences(of: "  ", with: " "))
                    continue
                }
            }
            kept.append(line)
        }
        page.lines = kept
    }

    /// First character a dash, a digit or 第.
    static func mayBeFurniture(_ t: String) -> Bool {
        guard let f = t.unicodeScalars.first else { return false }
        return f == "-" || f == "－" || f == "—" || f == "–" || f == "第" || (f.value >= 0x30 && f.value <= 0x39)
    }

    /// A dash, a space or not, then a digit: the cheap test before the inline pattern.
    static func hasDashDigit(_ s: String) -> Bool {
        var prevDash = false, prevSpaceAfterDash = false
        for u in s.unicodeScalars {
            let dash = u == "-" || u == "－" || u == "—" || u == "–"
            if (prevDash || prevSpaceAfterDash) && u.value >= 0x30 && u.value <= 0x39 { return true }
            prevSpaceAfterDash = prevDash && u == " "
            prevDash = dash
        }
        return false
    }
}
