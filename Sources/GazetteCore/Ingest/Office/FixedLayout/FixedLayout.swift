/// Fixed-layout pages (PDF, OFD) → text one paragraph a line, as the text path expects.
///
/// 1. characters → lines per page (`LineBuilder`); a two-column page found from its lines'
///    ink (`ColumnLayout`), or one going on from a two-column page, is built again with the
///    gutter as a cut and read column by column;
/// 2. page furniture out (`PageFurniture`): page numbers, running headers and footers, rules;
/// 3. the red masthead (版头) closed up into one line of issuer names (`Masthead`);
/// 4. tables found from their cells' alignment become rows of TAB-separated cells (`TableFinder`);
/// 5. the other lines become paragraphs from their geometry (`ParagraphBuilder`).
///
/// What the text path's own layout recovery does afterwards (letterspaced headings, labels
/// run into a paragraph, chrome) is left to it.
struct FixedLayout: Sendable {
    var builder = LineBuilder()

    func text(_ pages: [PlacedPage]) -> String {
        var gutter: ClosedRange<Double>? = nil
        let ordered = pages.enumerated().map { i, page in placedLines(page, index: i, previous: &gutter) }
        let kept = PageFurniture().remove(ordered, pages: pages)
        var lines = Masthead().closeUp(kept.flatMap { $0 })
        TableFinder().mark(&lines)
        return ParagraphBuilder().paragraphs(lines).joined(separator: "\n")
    }

    /// One page's lines in reading order. `previous` is the gutter of the page before: columns
    /// go on over a page too short to show them (the end of a section balanced over two columns).
    func placedLines(_ page: PlacedPage, index: Int, previous: inout ClosedRange<Double>?) -> [PlacedLine] {
        let lines = builder.lines(page, index: index)
        let columns = ColumnLayout()
        previous = columns.gutter(lines) ?? previous.flatMap { columns.continues($0, lines) ? $0 : nil }
        guard let g = previous else { return lines.map { PlacedLine(line: $0) } }
        var cut = builder
        cut.cut = g
        return columns.order(cut.lines(page, index: index), gutter: g)
    }
}

/// A line in reading order, with what the layout found out about it.
struct PlacedLine: Sendable, Equatable {
    var line: TextLine
    /// The left and right text edges of its column, when the page has two.
    var column: ClosedRange<Double>? = nil
    /// A row of a table: written as its cells separated by TABs.
    var tableRow = false
    /// A line that stands alone whatever its geometry (the masthead's issuers).
    var standalone = false
}
