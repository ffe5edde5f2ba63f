/// Characters → lines. Characters whose boxes share a band of the page (and a font size
/// close enough) are one line; along it, a gap wider than `segmentGap` font sizes starts a
/// new segment (a table cell, the other column, a signature beside another). Spaces are
/// taken from the geometry, never from the file's space characters: the readers' boxes run
/// from one character to the next, so only a space (or a jump) leaves a gap between two CJK
/// characters or two Latin ones, written as one space (`国家发展改革委 财政部`, `第一条　补贴
/// 范围`); between a CJK and a Latin character word processors leave a fifth of a character
/// or so as typography, so only a wider gap is a space there (`办公厅 2016年`), and a
/// number or Latin word stays closed up with the CJK word after it unless a character's
/// width lies between (`5 号` → `5号`, `补贴 3 件` → `补贴 3件`: a number binds to its
/// measure word). Letterspaced words whose characters stand so far apart that each is a
/// segment of its own (`济    南    市`) are closed up.
struct LineBuilder: Sendable {
    /// A gap of this many font sizes between characters separates segments.
    var segmentGap = 1.5
    /// A gap of this many font sizes between two CJK or two Latin characters is written as a space.
    var space = 0.16
    /// A gap of this many font sizes before a Latin character after a CJK one is written as a space.
    var mixedSpace = 0.3
    /// A gap of this many font sizes before a CJK character after a Latin one is written as a space.
    var boundSpace = 0.9
    /// An x range (a column gutter) where a gap of a third of a character or more ends a segment.
    var cut: ClosedRange<Double>? = nil

    func lines(_ page: PlacedPage, index: Int = 0) -> [TextLine] {
        let chars = page.chars.filter { c in
            !c.scalar.properties.isWhitespace && c.scalar.value >= 0x20 && c.x1 >= c.x0 && c.y1 > c.y0 && c.size > 0
                && c.x0.isFinite && c.y0.isFinite && c.x1.isFinite && c.y1.isFinite
        }.sorted { $0.midY != $1.midY ? $0.midY < $1.midY : $0.x0 < $1.x0 }
        var bands: [[PlacedChar]] = []
        var open: [Int] = []   // bands still taking characters
        for c in chars {
            // Bands whose middle is well above this character take no more.
            open.removeAll { i in
                let b = bands[i][0]
                return b.midY + b.height < c.y0
            }
            if let i = open.first(where: { Self.sameLine(bands[$0][0], c) }) {
                bands[i].append(c)
            } else {
                open.append(bands.count)
                bands.append([c])
            }
        }
        var out = bands.compactMap { line(of: $0, page: index) }
        out.sort { $0.y0 != $1.y0 ? $0.y0 < $1.y0 : $0.x0 < $1.x0 }
        return out
    }

    /// On the band opened by `first`: middles within a quarter of the smaller height (lines of
    /// two columns a few points out of step stay apart), sizes within 35 %.
    static func sameLine(_ first: PlacedChar, _ c: PlacedChar) -> Bool {
        let h = min(first.height, c.height)
        let ratio = max(first.size, c.size) / min(first.size, c.size)
        return abs(first.midY - c.midY) <= 0.25 * h && ratio <= 1.35
    }

    func line(of band: [PlacedChar], page: Int) -> TextLine? {
        let sorted = band.sorted { $0.x0 < $1.x0 }
        var segments: [LineSegment] = []
        var text = String.UnicodeScalarView()
        var start = 0, reds = 0, count = 0
        var prev: PlacedChar? = nil
        var ink: [ClosedRange<Double>] = []
        func close(_ end: Double) {
            if !text.isEmpty {
                segments.append(LineSegment(String(text), x0: sorted[start].x0, x1: end, red: reds * 2 > count))
            }
            text = String.UnicodeScalarView(); reds = 0; count = 0
        }
        for (i, c) in sorted.enumerated() {
            if let p = prev {
                // A character drawn twice a hair apart (fake bold) is one character.
                if c.scalar == p.scalar, c.x0 - p.x0 < 0.3 * max(p.x1 - p.x0, 0.1 * p.size) { continue }
                let em = min(p.size, c.size)
                let gap = c.x0 - p.x1
                if gap >= 0.5 * em {
                    ink.append(c.x0...c.x1)
                } else {
                    ink[ink.count - 1] = ink[ink.count - 1].lowerBound...max(c.x1, ink[ink.count - 1].upperBound)
                }
                let acrossCut = cut.map { g in
                    let mid = (g.lowerBound + g.upperBound) / 2
                    return (p.x0 + p.x1) / 2 < mid && (c.x0 + c.x1) / 2 >= mid && gap >= 0.3 * em
                } ?? false
                if gap >= segmentGap * em || acrossCut {
                    close(p.x1); start = i
                } else if gap >= (p.scalar.isFullWidth == c.scalar.isFullWidth ? space : c.scalar.isFullWidth ? boundSpace : mixedSpace) * em {
                    text.append(" ")
                }
            }
            if prev == nil { ink.append(c.x0...c.x1) }
            text.append(c.scalar); count += 1
            if c.red { reds += 1 }
            prev = c
        }
        if let p = prev { close(p.x1) }
        guard !segments.isEmpty else { return nil }
        let sizes = band.map(\.size).sorted()
        let ys0 = band.map(\.y0).sorted(), ys1 = band.map(\.y1).sorted()
        return TextLine(Self.closingLetterspacing(segments), y0: ys0[ys0.count / 2], y1: ys1[ys1.count / 2],
                        size: sizes[sizes.count / 2], page: page, ink: ink)
    }

    /// Runs of two or more one-character segments (`济`, `南`, `市` …) evenly spaced, joined.
    static func closingLetterspacing(_ segments: [LineSegment]) -> [LineSegment] {
        guard segments.count >= 2 else { return segments }
        func single(_ s: LineSegment) -> Bool {
            s.text.unicodeScalars.count == 1 && s.text.unicodeScalars.first!.isFullWidth
        }
        var out: [LineSegment] = []
        var k = 0
        while k < segments.count {
            var j = k + 1
            if single(segments[k]) {
                let width = segments[k].x1 - segments[k].x0
                let firstGap = j < segments.count ? segments[j].x0 - segments[k].x1 : 0
                while j < segments.count, single(segments[j]) {
                    let gap = segments[j].x0 - segments[j - 1].x1
                    guard gap <= 4 * max(width, 1), abs(gap - firstGap) <= 0.35 * max(firstGap, width) else { break }
                    j += 1
                }
            }
            if j - k >= 2 {
                let run = segments[k..<j]
                out.append(LineSegment(run.map(\.text).joined(), x0: run.first!.x0, x1: run.last!.x1,
                                       red: run.filter(\.red).count * 2 > run.count))
            } else {
                out.append(segments[k]); j = k + 1
            }
            k = j
        }
        return out
    }
}
