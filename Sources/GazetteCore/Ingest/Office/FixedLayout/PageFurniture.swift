import Foundation

/// Page furniture of printed documents, dropped before lines become paragraphs: page
/// numbers in the top or bottom margin (GB/T 9704's `－ 3 －`, `— 3 —`, `-3-`,
/// `第3页 共10页`, `3/10`), running headers and footers (the same text at the same place on
/// several pages), and rule lines drawn with characters (`━━━━━━★━━━━━━`).
struct PageFurniture: Sendable {
    /// The share of the page height at the top and at the bottom where furniture lives.
    var margin = 0.15

    static let pageNumber = try! NSRegularExpression(pattern:
        #"^(?:[－—–\-─一~～]{0,2}\s*\d{1,4}\s*[－—–\-─一~～]{0,2}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"#)

    /// `lines` per page with the furniture taken out.
    func remove(_ lines: [[PlacedLine]], pages: [PlacedPage]) -> [[PlacedLine]] {
        let repeated = runningLines(lines.map { $0.map(\.line) }, pages: pages)
        return lines.enumerated().map { p, page in
            page.filter { placed in
                let l = placed.line
                let inMargin = self.inMargin(l, pages[p])
                if inMargin && l.segments.count <= 3 && Self.isPageNumber(l.text) { return false }
                if inMargin && repeated.contains(Self.key(l, pages[p])) { return false }
                return !Self.isRule(l.text)
            }
        }
    }

    func inMargin(_ l: TextLine, _ page: PlacedPage) -> Bool {
        l.y1 <= page.height * margin || l.y0 >= page.height * (1 - margin)
    }

    static func isPageNumber(_ t: String) -> Bool {
        let s = t.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.utf8.count <= 40 else { return false }
        return pageNumber.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// A line made only of rule characters, four or more of them.
    static func isRule(_ t: String) -> Bool {
        var n = 0
        for u in t.unicodeScalars where u != " " {
            guard "━─—―_＿=＝~～★☆•·".unicodeScalars.contains(u) else { return false }
            n += 1
        }
        return n >= 4
    }

    /// Where a line sits (to 8 pt) and what it says, digits aside (`第 3 页` and `第 4 页` are
    /// one key): a running header repeats the title, which stands lower on the first page.
    static func key(_ l: TextLine, _ page: PlacedPage) -> String {
        let text = String(String.UnicodeScalarView(l.text.unicodeScalars.compactMap { u -> Unicode.Scalar? in
            u == " " ? nil : (u.properties.numericType != nil ? "#" : u)
        }))
        return "\(Int((l.y0 / 8).rounded()))|\(text)"
    }

    /// Keys of single-segment margin lines found on at least two pages and half of them.
    func runningLines(_ lines: [[TextLine]], pages: [PlacedPage]) -> Set<String> {
        guard lines.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for (p, page) in lines.enumerated() {
            var seen = Set<String>()
            for l in page where l.segments.count == 1 && inMargin(l, pages[p]) { seen.insert(Self.key(l, pages[p])) }
            for k in seen { counts[k, default: 0] += 1 }
        }
        let withText = lines.filter { !$0.isEmpty }.count
        return Set(counts.filter { $0.value >= 2 && $0.value * 2 >= withText }.keys)
    }
}
