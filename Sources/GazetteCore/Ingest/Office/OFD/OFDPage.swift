import CLibXML2

/// The characters of one OFD page (GB/T 33190 §11–§13): every `TextObject` of the page's
/// content layers (and of the `PageBlock`s nested in them) placed on the page. A text
/// object has a `Boundary` (`x y w h`, millimetres, y downwards) that its `TextCode`s are
/// positioned in: the first character at `X`/`Y` (the baseline), each next one `DeltaX`
/// further (`g 3 5.6` is 5.6 three times); its font `Size` in millimetres, an optional
/// `CTM` (`a b c d e f`) and a `FillColor`. Templates (running headers) are not read.
enum OFDPage {
    static let pointsPerMM = 72 / 25.4

    /// The page in points; `box` is the page's `PhysicalBox` (`x y w h`, millimetres).
    static func placed(_ content: OFDXML, box: [Double]) -> PlacedPage {
        var chars: [PlacedChar] = []
        if let c = OFDXML.find(content.root, ["Content"]) { collect(c, into: &chars) }
        let k = pointsPerMM
        return PlacedPage(width: (box.count == 4 ? box[2] : 210) * k, height: (box.count == 4 ? box[3] : 297) * k,
                          chars: chars)
    }

    /// Text objects below `n`, depth first in document order (libxml2 caps the depth at 256).
    static func collect(_ n: xmlNodePtr, into chars: inout [PlacedChar]) {
        for e in OFDXML.elements(n) {
            switch OFDXML.name(e) {
            case "TextObject": text(e, into: &chars)
            case "Layer", "PageBlock", "CompositeObject": collect(e, into: &chars)
            default: continue
            }
        }
    }

    static func text(_ o: xmlNodePtr, into chars: inout [PlacedChar]) {
        let b = OFDXML.numbers(OFDXML.attribute(o, "Boundary")) ?? []
        guard b.count == 4, let size = OFDXML.attribute(o, "Size").flatMap(Double.init), size > 0, size.isFinite else { return }
        var m = OFDXML.numbers(OFDXML.attribute(o, "CTM")) ?? []
        if m.count != 6 { m = [1, 0, 0, 1, 0, 0] }
        let scale = (abs(m[0] * m[3] - m[1] * m[2])).squareRoot()
        guard scale > 0, scale.isFinite else { return }
        let red = OFDXML.find(o, ["FillColor"]).flatMap { OFDXML.numbers(OFDXML.attribute($0, "Value")) }
            .map { $0.count >= 3 && $0[0] >= 180 && $0[1] <= 110 && $0[2] <= 110 } ?? false
        let k = pointsPerMM
        func page(_ x: Double, _ y: Double) -> (Double, Double) {
            ((b[0] + m[0] * x + m[2] * y + m[4]) * k, (b[1] + m[1] * x + m[3] * y + m[5]) * k)
        }
        var x = 0.0, y = 0.0
        for code in OFDXML.children(o, "TextCode") {
            let scalars = Array(OFDXML.text(code).unicodeScalars)
            if let v = OFDXML.attribute(code, "X").flatMap(Double.init), v.isFinite { x = v }
            if let v = OFDXML.attribute(code, "Y").flatMap(Double.init), v.isFinite { y = v }
            let dx = deltas(OFDXML.attribute(code, "DeltaX"), count: scalars.count)
            let dy = deltas(OFDXML.attribute(code, "DeltaY"), count: scalars.count)
            for (i, u) in scalars.enumerated() {
                let advance = i < dx.count ? dx[i] : size * (u.isFullWidth ? 1 : 0.5)
                let (ax, ay) = page(x, y - 0.86 * size), (bx, by) = page(x + advance, y + 0.14 * size)
                if u.value >= 0x20, !u.properties.isWhitespace {
                    chars.append(PlacedChar(u, x0: min(ax, bx), y0: min(ay, by), x1: max(ax, bx), y1: max(ay, by),
                                            size: size * scale * k, red: red))
                }
                x += advance
                if i < dy.count { y += dy[i] }
            }
        }
    }

    /// The first `count` offsets of a `DeltaX`/`DeltaY` list, `g N v` expanded (never past `count`).
    static func deltas(_ s: String?, count: Int) -> [Double] {
        guard let s, count > 0 else { return [] }
        var out: [Double] = []
        var tokens = s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })[...]
        while out.count < count, let t = tokens.popFirst() {
            if t == "g" {
                guard let n = tokens.popFirst().flatMap({ Int($0) }), let v = tokens.popFirst().flatMap({ Double($0) }), v.isFinite, n > 0 else { break }
                out += repeatElement(v, count: min(n, count - out.count))
            } else if let v = Double(t), v.isFinite {
                out.append(v)
            } else {
                break
            }
        }
        return out
    }
}
