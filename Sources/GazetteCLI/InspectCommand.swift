import ArgumentParser
import Foundation
import GazetteCore
import GazetteModel
import GazettePublish

/// `gazette inspect FILE`: run the stages on one file and show what they made of it.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Run the stages on one file and show metadata, clause tree, labels and evidence, without publishing.")

    @OptionGroup(title: "Configuration") var options: ConfigOptions
    @Argument(help: "The file to inspect.") var file: String
    @Flag(help: "Print the document record as JSON.") var json = false
    @Flag(help: "Also show layout recovery: the layout families found, each line re-joined, split or dropped, and the header fields with their source.")
    var layout = false

    func run() throws {
        let config: PipelineConfig, base: URL
        do { (config, base) = try options.load() } catch let e as ConfigurationError { throw failConfiguration(e) }
        let processor: DocumentProcessor
        do { processor = try DocumentProcessor.make(config: config, baseDirectory: base) } catch let e as ConfigurationError { throw failConfiguration(e) }
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("gazette: cannot read \(file)\n".utf8)); throw ExitCode(ExitStatus.rejected)
        }
        let doc: Document, prepared: StructureInput
        do {
            let bytes = Array(data)
            let ingested = try processor.ingester.ingest(bytes: bytes, path: file, sha256: SHA256Digest.hex(bytes))
            if let unit = Self.attachments(of: file, page: ingested, processor: processor) {
                let (input, roles) = try processor.prepare(unit: unit, id: CorpusScanner.documentID(for: file))
                prepared = input
                for r in roles { FileHandle.standardError.write(Data("attachment: \(r.path): \(r.role)\n".utf8)) }
            } else {
                prepared = try processor.prepare(ingested: ingested, id: CorpusScanner.documentID(for: file))
            }
            doc = processor.complete(prepared)
        } catch {
            FileHandle.standardError.write(Data("gazette: \(file) rejected: \(error)\n".utf8)); throw ExitCode(ExitStatus.rejected)
        }
        if json {
            let out = try DocumentJSONSink.encoder().encode(doc)
            FileHandle.standardOutput.write(out); print()
        } else {
            print(InspectView.render(doc))
            if !prepared.normalized.choices.isEmpty { print(InspectView.render(choices: prepared.normalized.choices)) }
        }
        if layout { print(InspectView.render(prepared.layout)) }
    }
}

extension InspectCommand {
    /// The page with the attachments it has in its folder (`AttachmentLinks`), as `gazette
    /// run` would read them; nil when `file` is not a page or has none.
    static func attachments(of file: String, page: IngestedText, processor: DocumentProcessor) -> IngestedUnit? {
        guard page.format.hasPrefix("htm") else { return nil }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let files = CorpusScanner.scan(folder, displayRoot: "")
        let name = URL(fileURLWithPath: file).lastPathComponent
        guard let me = files.firstIndex(where: { $0.path == name }) else { return nil }
        // Every page of the folder is read, as the run does: an attachment belongs to the first page linking it.
        let units = AttachmentLinks.units(files) { f in FileManager.default.contents(atPath: f.url.path).map { Array($0) } }
        guard let members = units[me] else { return nil }
        let attachments = members.compactMap { k -> IngestedText? in
            try? processor.ingester.ingest(fileAt: files[k].url, path: folder.appendingPathComponent(files[k].path).path)
        }
        return IngestedUnit(page: page, attachments: attachments)
    }
}

/// The readable terminal layout of `gazette inspect`: header metadata, then the clause
/// tree indented by level with label, heading, id, labels, units, deadlines and targets,
/// then preamble/closing sizes and the appendices with their questions.
public enum InspectView {
    /// `350128 county 福建省/福州市/平潭县 (zone 平潭综合实验区)`, or the status and candidates.
    static func placeLine(_ p: Place) -> String {
        switch p.status {
        case .resolved:
            return [p.code ?? "-", p.level?.rawValue ?? "-", p.path.isEmpty ? "" : p.path.joined(separator: "/")].filter { !$0.isEmpty }
                .joined(separator: " ") + (p.zone.map { " (zone \($0))" } ?? "")
        case .ambiguous: return "ambiguous: " + p.candidates.joined(separator: " | ")
        case .unresolved: return "unresolved"
        }
    }

    public static func render(_ d: Document) -> String {
        var out: [String] = []
        func field(_ name: String, _ value: String) { out.append(name.padding(toLength: 12, withPad: " ", startingAt: 0) + value) }
        field("title:", d.title)
        if d.planTitle != d.title { field("plan title:", d.planTitle) }
        field("type:", "\(d.docType.rawValue)   region: \(d.region ?? "-")   year: \(d.year.map(String.init) ?? "-")")
        field("place:", placeLine(d.place))
        field("", "via " + d.place.via)
        field("issuer:", "\(d.issuer ?? "-")   number: \(d.docNumber ?? "-")")
        if !d.issuerUnits.isEmpty {
            field("", d.issuerUnits.map { u in u.name + (u.canonical.map { $0 == u.name ? "" : " → " + $0 } ?? "") + " (\(u.kind ?? "unit"))" }
                .joined(separator: "; "))
        }
        if !d.topics.isEmpty { field("topics:", d.topics.joined(separator: ", ")) }
        field("dates:", "issued \(d.issueDate ?? "-")   published \(d.publicationDate ?? "-")")
        if !d.addressees.isEmpty { field("to:", d.addressees.joined(separator: " | ")) }
        for c in d.contact { field("contact:", c) }
        if let x = d.disclosure { field("disclosure:", x) }
        if let s = d.subject {
            field("subject:", "\(s.name) [\(s.code ?? "not in the code list")] \(s.source.rawValue)" + (s.score.map { " score \(Score.format($0))" } ?? ""))
            for e in s.evidence { out.append("    · \(e)") }
        } else {
            field("subject:", "- (no page value, no cue)")
        }
        if !d.metadataSources.isEmpty {
            field("from:", d.metadataSources.sorted { $0.key < $1.key }.map { "\($0.key) ← \($0.value)" }.joined(separator: "  "))
        }
        field("quality:", "layout \(d.quality.layout)   clause coverage \(Int((d.quality.clauseCoverage * 100).rounded()))%"
              + (d.quality.warnings.isEmpty ? "" : "   warnings: " + d.quality.warnings.joined(separator: ", ")))
        field("source:", "\(d.source.path) [\(d.source.format), \(d.source.encoding), \(d.source.script)/\(d.source.variant), conversion \(d.source.conversion)]")
        if !d.removed.isEmpty { field("removed:", "\(d.removed.count) lines (\(Set(d.removed.map(\.rule)).sorted().joined(separator: ", ")))") }
        field("preamble:", "\(d.preamble.count) chars" + (d.preamble.isEmpty ? "" : " — " + excerpt(d.preamble)))
        let levels = Dictionary(grouping: d.clauses, by: \.level).map { "L\($0.key)×\($0.value.count)" }.sorted()
        field("clauses:", "\(d.clauses.count)" + (levels.isEmpty ? "" : " (\(levels.joined(separator: " ")))"))
        for c in d.clauses {
            let indent = String(repeating: "  ", count: max(0, c.level - 1))
            out.append("\(indent)L\(c.level) \(c.label) \(c.heading)  [\(c.id)] area=\(c.area ?? "none")" + (c.topics.isEmpty ? "" : " topics=\(c.topics.joined(separator: ","))"))
            for e in c.evidence.prefix(6) { out.append("\(indent)    · \(e)") }
            for u in c.units {
                out.append("\(indent)    unit \(u.name) (\(u.role.rawValue))" + (u.canonical.map { " → \($0)" } ?? "") + (u.successor.map { " ⇒ \($0)" } ?? ""))
            }
            if !c.deadlines.isEmpty { out.append("\(indent)    deadlines: \(c.deadlines.joined(separator: "; "))") }
            if !c.targets.isEmpty { out.append("\(indent)    targets: \(c.targets.joined(separator: "; "))") }
        }
        field("closing:", "\(d.closing.count) chars" + (d.closing.isEmpty ? "" : " — " + excerpt(d.closing)))
        for a in d.appendices {
            field("appendix:", "[\(a.kind.rawValue)] \(a.title) (\(a.text.count) chars, \(a.qa.count) Q&A)")
            for q in a.qa { out.append("    Q: \(q.question)") }
        }
        return out.joined(separator: "\n")
    }

    /// The normalizer's one-to-many idiom choices, one a line: `资料 → 数据 (数据|资料) context 资料来源←数据来源 12`.
    public static func render(choices: [IdiomChoice]) -> String {
        let changed = choices.filter { $0.chosen != $0.word }.count
        var out = ["choices:    \(choices.count) one-to-many words (\(changed) changed)"]
        for c in choices {
            out.append("    \(c.word) → \(c.chosen) (\(c.candidates.joined(separator: "|"))) \(c.reason)")
        }
        return out.joined(separator: "\n")
    }

    /// Layout recovery's record: families, then each decision, then the header fields.
    public static func render(_ l: LaidOutText) -> String {
        var out = ["layout:     " + (l.families.isEmpty ? "one paragraph a line (nothing recovered)" : l.families.joined(separator: ", "))]
        for d in l.decisions { out.append("  \(d.family) \(d.action.rawValue): \(d.text)") }
        for f in l.fields { out.append("  field \(f.key) = \(f.value)  [\(f.source)]") }
        return out.joined(separator: "\n")
    }

    static func excerpt(_ s: String, _ n: Int = 40) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(n)) + "…"
    }
}
