/// A part of the output that one sink writes and others rely on, named by where it is.
public struct OutputPart: Hashable, Sendable, CustomStringConvertible {
    /// Where the part is, relative to the output folder.
    public var path: String
    /// The publish format whose sink writes it, for the message when it is missing.
    public var format: String
    public init(_ path: String, format: String) { self.path = path; self.format = format }
    public var description: String { path }

    /// `site/assets/`: the site's stylesheet and scripts.
    public static let siteAssets = OutputPart("site/assets", format: "site")
    /// `site/doc/<id>.html`: a page per published document, an anchor per clause.
    public static let documentPages = OutputPart("site/doc", format: "site")
}

/// Orders sinks from what they declare instead of by the list they come in.
public enum SinkOrder {
    /// `sinks`, each after the writers of the parts it requires, otherwise in the order given.
    /// - Throws: `SinkOrderError` when a required part has no writer among `sinks`, two
    ///   sinks write the same part, or sinks require each other's parts in a cycle.
    public static func resolve(_ sinks: [OutputSink]) throws -> [OutputSink] {
        var writer: [OutputPart: Int] = [:]
        for (i, s) in sinks.enumerated() {
            for part in s.provides {
                if let j = writer[part] { throw SinkOrderError.twoWriters(part: part, sinks: [sinks[j].name, s.name]) }
                writer[part] = i
            }
        }
        let needs: [[Int]] = try sinks.map { s in
            try s.requires.map { part in
                guard let j = writer[part] else { throw SinkOrderError.missing(sink: s.name, part: part) }
                return j
            }
        }
        // Repeatedly the first sink, in the order given, whose writers are all placed.
        var placed = [Bool](repeating: false, count: sinks.count)
        var order: [OutputSink] = []
        while order.count < sinks.count {
            guard let next = sinks.indices.first(where: { !placed[$0] && needs[$0].allSatisfy { placed[$0] } }) else {
                throw SinkOrderError.cycle(cycle(needs, placed).map { sinks[$0].name })
            }
            placed[next] = true
            order.append(sinks[next])
        }
        return order
    }

    /// A cycle among the sinks not placed (each of which waits on another one not placed),
    /// as sink indices with the first repeated at the end.
    static func cycle(_ needs: [[Int]], _ placed: [Bool]) -> [Int] {
        var path: [Int] = []
        var at = placed.firstIndex(of: false)!
        while !path.contains(at) {
            path.append(at)
            at = needs[at].first { !placed[$0] }!
        }
        return Array(path[path.firstIndex(of: at)!...]) + [at]
    }
}

/// Sinks whose declarations cannot be met: a configuration error of the run.
public enum SinkOrderError: Error, Equatable, CustomStringConvertible {
    case missing(sink: String, part: OutputPart)
    case twoWriters(part: OutputPart, sinks: [String])
    case cycle([String])

    public var description: String {
        switch self {
        case .missing(let sink, let part):
            return "'\(sink)' needs \(part.path), which only '\(part.format)' writes, and '\(part.format)' is not published: add it to publish.formats"
        case .twoWriters(let part, let sinks):
            return "\(sinks.map { "'\($0)'" }.joined(separator: " and ")) both write \(part.path)"
        case .cycle(let names):
            return "outputs that need each other: " + names.map { "'\($0)'" }.joined(separator: " → ")
        }
    }
}
