/// Text placed on a fixed-layout page (PDF, OFD): what the readers extract, and what
/// `FixedLayout` rebuilds lines and paragraphs from. Coordinates are points with y growing
/// downwards, whatever the format's own units and direction.

/// One character with its box and font size.
struct PlacedChar: Sendable, Equatable {
    var scalar: Unicode.Scalar
    var x0: Double, y0: Double, x1: Double, y1: Double
    /// The font size in points (the box height varies with the font's ascent and descent).
    var size: Double
    /// Set in red: the masthead (版头) of GB/T 9704 documents is red.
    var red = false

    init(_ scalar: Unicode.Scalar, x0: Double, y0: Double, x1: Double, y1: Double, size: Double, red: Bool = false) {
        self.scalar = scalar; self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1; self.size = size; self.red = red
    }

    var midY: Double { (y0 + y1) / 2 }
    var height: Double { y1 - y0 }
}

/// One page's characters, in any order.
struct PlacedPage: Sendable {
    var width: Double
    var height: Double
    var chars: [PlacedChar]

    init(width: Double, height: Double, chars: [PlacedChar]) {
        self.width = width; self.height = height; self.chars = chars
    }
}

extension Unicode.Scalar {
    /// A character set in full width in CJK typesetting (ideographs, kana, hangul, CJK and
    /// full-width punctuation): no space is text between two of them or beside one.
    var isFullWidth: Bool {
        let v = value
        if isWide { return true }
        return (v >= 0x2E80 && v <= 0x2FFF) || (v >= 0x3040 && v <= 0x33FF) || (v >= 0xAC00 && v <= 0xD7AF)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFFEF)
            || (v >= 0x20000 && v <= 0x3FFFF) || v == 0x2015 || v == 0x2500 || v == 0x2501
    }
}
