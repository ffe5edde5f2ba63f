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

    func run() throws {
        let config: PipelineConfig, base: URL
        do { (config, base) = try options.load() } catch let e as ConfigurationError { throw failConfiguration(e) }
        let processor: DocumentProcessor
        do { processor = try DocumentProcessor.make(config: config, baseDirectory: base) } catch let e as ConfigurationError { throw failConfiguration(e) }
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("gazette: cannot read \(file)\n".utf8)); throw ExitCode(ExitStatus.rejected)
        }
        let doc: Document
        do { doc = try processor.process(bytes: Array(data), path: file, id: CorpusScanner.documentID(for: file)) } catch {
            FileHandle.standardError.write(Data("gazette: \(file) rejected: \(error)\n".utf8)); throw ExitCode(ExitStatus.rejected)
        }
        if json {
            let out = try DocumentJSONSink.encoder().encode(doc)
            FileHandle.standardOutput.write(out); print()
        } else {
            print(InspectView.render(doc))
        }
    }
}

/// The readable terminal layout of `gazette inspect`.
public enum InspectView {
    public static func render(_ d: Document) -> String {
        var out: [String] = []
        out.append("title:      \(d.title)")
        if d.planTitle != d.title { out.append("plan title: \(d.planTitle)") }
        out.append("type:       \(d.docType.rawValue)   region: \(d.region ?? "-")   year: \(d.year.map(String.init) ?? "-")")
        out.append("issuer:     \(d.issuer ?? "-")   number: \(d.docNumber ?? "-")   issued: \(d.issueDate ?? "-")")
        out.append("source:     \(d.source.path) [\(d.source.format), \(d.source.encoding), \(d.source.script)/\(d.source.variant), conversion \(d.source.conversion)]")
        if !d.removed.isEmpty { out.append("removed:    \(d.removed.count) lines (\(Set(d.removed.map(\.rule)).sorted().joined(separator: ", ")))") }
        out.append("clauses:    \(d.clauses.count)")
        for c in d.clauses {
            let indent = String(repeating: "  ", count: max(0, c.level - 1))
            out.append("\(indent)\(c.label) \(c.heading)  [\(c.id)] area=\(c.area)" + (c.topics.isEmpty ? "" : " topics=\(c.topics.joined(separator: ","))"))
            for e in c.evidence.prefix(6) { out.append("\(indent)    · \(e)") }
            for u in c.units { out.append("\(indent)    unit \(u.name) (\(u.role.rawValue)) → \(u.canonical ?? "unknown")" + (u.successor.map { " ⇒ \($0)" } ?? "")) }
            if !c.deadlines.isEmpty { out.append("\(indent)    deadlines: \(c.deadlines.joined(separator: "; "))") }
            if !c.targets.isEmpty { out.append("\(indent)    targets: \(c.targets.joined(separator: "; "))") }
        }
        for a in d.appendices { out.append("appendix:   [\(a.kind.rawValue)] \(a.title) (\(a.text.count) chars, \(a.qa.count) Q&A)") }
        return out.joined(separator: "\n")
    }
}
