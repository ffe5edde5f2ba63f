@testable import GazetteCore

/// Sets text on a page the way a PDF or OFD file places it, for the layout tests: each
/// character a box, full-width ones an em wide, others half an em, on A4 (595 × 842 pt).
struct Typeset {
    var size: Double = 16
    var page: [PlacedChar] = []

    /// `text` with its top-left at (x, y); `tracking` points between characters.
    mutating func put(_ text: String, x: Double, y: Double, size: Double? = nil, tracking: Double = 0, red: Bool = false) {
        let s = size ?? self.size
        var cx = x
        for u in text.unicodeScalars {
            let w = u.isFullWidth ? s : s / 2
            if u != " " { page.append(PlacedChar(u, x0: cx, y0: y, x1: cx + w, y1: y + s, size: s, red: red)) }
            cx += w + tracking
        }
    }

    /// Lines one `pitch` apart from `top`, each (indent in characters, text).
    mutating func lines(_ rows: [(Double, String)], left: Double = 80, top: Double = 100, pitch: Double = 28) {
        for (k, row) in rows.enumerated() {
            put(row.1, x: left + row.0 * size, y: top + Double(k) * pitch)
        }
    }

    var placed: PlacedPage { PlacedPage(width: 595, height: 842, chars: page) }

    /// The text `FixedLayout` makes of these pages.
    static func text(_ pages: [Typeset]) -> String {
        FixedLayout().text(pages.map(\.placed))
    }

    /// A full line of body text: `n` ideographs (25 fill the 400 pt measure at 16 pt).
    static func filler(_ n: Int, _ seed: Character = "文") -> String { String(repeating: seed, count: n) }
}
