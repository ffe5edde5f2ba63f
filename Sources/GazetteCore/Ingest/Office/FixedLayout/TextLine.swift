/// A run of characters on one line with no wide gap inside: a line of a paragraph, a table
/// cell, one side of a two-column signature.
struct LineSegment: Sendable, Equatable {
    var text: String
    var x0: Double
    var x1: Double
    /// Mostly red characters.
    var red = false

    init(_ text: String, x0: Double, x1: Double, red: Bool = false) {
        self.text = text; self.x0 = x0; self.x1 = x1; self.red = red
    }
}

/// One line of a page: its segments left to right, on one baseline.
struct TextLine: Sendable, Equatable {
    var segments: [LineSegment]
    var y0: Double
    var y1: Double
    /// The usual font size of its characters, in points.
    var size: Double
    /// The page it is on (0-based).
    var page = 0
    /// Where it has ink: runs of characters less than half a character apart, left to right.
    var ink: [ClosedRange<Double>] = []

    init(_ segments: [LineSegment], y0: Double, y1: Double, size: Double, page: Int = 0, ink: [ClosedRange<Double>]? = nil) {
        self.segments = segments; self.y0 = y0; self.y1 = y1; self.size = size; self.page = page
        self.ink = ink ?? segments.map { $0.x0...max($0.x0, $0.x1) }
    }

    var x0: Double { segments.first?.x0 ?? 0 }
    var x1: Double { segments.last?.x1 ?? 0 }
    var midY: Double { (y0 + y1) / 2 }
    var red: Bool { !segments.isEmpty && segments.allSatisfy(\.red) }
    /// The segments' text joined by a space: the line read as prose.
    var text: String { segments.count == 1 ? segments[0].text : segments.map(\.text).joined(separator: " ") }
    /// The segments' text joined by a TAB: the line read as a table row.
    var cells: String { segments.map(\.text).joined(separator: "\t") }
}
