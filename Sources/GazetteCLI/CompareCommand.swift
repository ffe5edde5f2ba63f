import ArgumentParser
import Foundation
import GazetteCore
import GazetteModel
import GazetteResearch

/// `gazette compare`: coverage tables per region-year (see `CoverageTable`).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Coverage tables: clause counts and shares per area, topic or unit for each region and year, and what changed between consecutive years.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    @OptionGroup(title: "Configuration") var options: ConfigOptions
    @Option(help: "Output folder to read (documents/*.json or corpus.jsonl.gz; default: the configuration's).") var output: String?
    @Option(help: "Grouping, comma-separated: region, year, doc_type.") var by: String = "region,year"
    @Option(help: "What rows count: area, topic or unit.") var axis: String = "area"
    @Option(help: "Output format: text, json, csv or html.") var format: Format = .text
    @Option(help: "Least similarity for a clause to have a counterpart in the other year.") var threshold: Double = 0.5

    func run() throws {
        let config: PipelineConfig, base: URL
        do { (config, base) = try options.load() } catch let e as ConfigurationError { throw failConfiguration(e) }
        guard let ax = CoverageTable.Axis(rawValue: axis) else { throw usage("unknown --axis \(axis) (area, topic, unit)") }
        var dims: [CoverageTable.Dimension] = []
        for part in by.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let d = CoverageTable.Dimension(rawValue: part) else { throw usage("unknown --by \(part) (region, year, doc_type)") }
            dims.append(d)
        }
        let folder = output.map { URL(fileURLWithPath: $0) }
            ?? (config.output.hasPrefix("/") ? URL(fileURLWithPath: config.output) : base.appendingPathComponent(config.output))
        let table: CoverageTable
        do { table = try CoverageTable.make(output: folder, by: dims, axis: ax, threshold: threshold) } catch {
            FileHandle.standardError.write(Data("gazette compare: \(error)\n".utf8)); throw ExitCode(ExitStatus.usage)
        }
        let r = CoverageRenderer(table)
        switch format {
        case .json: FileHandle.standardOutput.write(try r.json()); print()
        case .csv: FileHandle.standardOutput.write(Data(r.csv().utf8))
        case .html: FileHandle.standardOutput.write(Data(r.html().utf8))
        case .text: print(r.text())
        }
    }

    func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("gazette compare: \(message)\n".utf8))
        return ExitCode(ExitStatus.usage)
    }
}
