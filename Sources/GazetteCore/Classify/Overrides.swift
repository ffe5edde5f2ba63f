import Foundation
import GazetteModel
import Yams

/// Editors' corrections for single clauses (`overrides.yml`), applied after the rules so
/// they survive every regeneration:
///
/// ```yaml
/// overrides:
///   - document: 002_5ed541572c8b026e     # document id
///     clause: s1.c8                       # clause id
///     area: disclosure                    # optional
///     topics: [finance]                   # optional; [] clears them
///     note: 预决算公开为主
/// ```
public struct Overrides: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var document: String
        public var clause: String
        public var area: String?
        public var topics: [String]?
        public var note: String?
        public var line: Int?
        public init(document: String, clause: String, area: String? = nil, topics: [String]? = nil, note: String? = nil, line: Int? = nil) {
            self.document = document; self.clause = clause; self.area = area; self.topics = topics; self.note = note; self.line = line
        }
    }
    public var entries: [Entry] = []
    public var file: String?
    public init(entries: [Entry] = [], file: String? = nil) { self.entries = entries; self.file = file }

    public func find(document: String, clause: String) -> Entry? {
        entries.last { $0.document == document && $0.clause == clause }
    }

    /// A missing file means no overrides; codes are checked against the taxonomy.
    public static func load(_ url: URL, taxonomy: Taxonomy?, diagnostics: inout [Diagnostic]) -> Overrides {
        guard let data = FileManager.default.contents(atPath: url.path) else { return Overrides(file: url.lastPathComponent) }
        return parse(String(decoding: data, as: UTF8.self), file: url.path, taxonomy: taxonomy, diagnostics: &diagnostics)
    }

    public static func parse(_ yaml: String, file: String, taxonomy: Taxonomy?, diagnostics d: inout [Diagnostic]) -> Overrides {
        var out = Overrides(file: (file as NSString).lastPathComponent)
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch let e as YamlError { d.append(YAMLNodeReader.diagnostic(for: e, file: file)); return out } catch {
            d.append(Diagnostic(id: "yaml-syntax", severity: .error, message: "\(error)", file: file)); return out
        }
        guard let root = node else { return out }
        let r = YAMLNodeReader(file: file)
        guard let top = r.mapping(root, "the overrides file", &d) else { return out }
        r.checkKeys(top, known: ["overrides"], section: "the overrides file", &d)
        guard let list = top["overrides"], list.scalar?.string != "" else { return out }
        if list.scalar != nil, list.scalar?.string == "null" || list.scalar?.string == "~" { return out }
        guard let seq = list.sequence else {
            d.append(Diagnostic(id: "wrong-type", severity: .error, message: "'overrides' must be a list of entries", file: file, line: list.mark?.line)); return out
        }
        let areas = taxonomy?.areas.map(\.code) ?? TaxonomyContract.areas
        let topics = taxonomy?.topics.map(\.code) ?? TaxonomyContract.topics
        for item in seq {
            guard let m = r.mapping(item, "an override", &d) else { continue }
            r.checkKeys(m, known: ["document", "clause", "area", "topics", "note"], section: "override", &d)
            guard let dn = m["document"], let doc = r.string(dn, "document", &d), let cn = m["clause"], let clause = r.string(cn, "clause", &d) else {
                d.append(Diagnostic(id: "override-incomplete", severity: .error, message: "an override needs 'document' and 'clause' ids", file: file, line: item.mark?.line))
                continue
            }
            var e = Entry(document: doc, clause: clause, line: item.mark?.line)
            if let n = m["area"], let a = r.string(n, "area", &d) {
                if areas.contains(a) { e.area = a } else {
                    d.append(Diagnostic(id: "unknown-area", severity: .error, message: "unknown area code '\(a)'", file: file, line: n.mark?.line,
                                        suggestion: YAMLNodeReader.suggest(a, among: areas)))
                }
            }
            if let n = m["topics"], let l = r.stringList(n, "topics", &d) {
                for (i, t) in l.enumerated() where !topics.contains(t) {
                    d.append(Diagnostic(id: "unknown-topic", severity: .error, message: "unknown topic code '\(t)'", file: file,
                                        line: n.sequence?[i].mark?.line ?? n.mark?.line, suggestion: YAMLNodeReader.suggest(t, among: topics)))
                }
                e.topics = l.filter { topics.contains($0) }
            }
            if let n = m["note"], let s = r.string(n, "note", &d) { e.note = s }
            out.entries.append(e)
        }
        return out
    }
}
