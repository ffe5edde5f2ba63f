import ArgumentParser
import Foundation
import GazetteCore

/// `gazette extract FILE...`: the text each file is read as, before cleaning.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text each file is read as, before cleaning: PDF and OFD pages laid out one paragraph a line, HTML's main text, decoded text.",
        discussion: """
        What the ingest stage hands to the clean stage, with the ingest settings of pipeline.yml
        (max_pages, max_inflated_bytes …). Files are separated by a form feed. A file that cannot
        be read is reported on standard error with its rejection code, and the exit status is 1.
        """)

    @OptionGroup(title: "Configuration") var options: ConfigOptions
    @Argument(help: "The files to read.") var files: [String]
    @Flag(help: "Read the files without printing their text (to time the readers).") var quiet = false

    func run() throws {
        let config: PipelineConfig
        do { config = try options.load().0 } catch let e as ConfigurationError { throw failConfiguration(e) }
        let ingester = Ingester(settings: config.ingest)
        var rejected = false
        for (k, file) in files.enumerated() {
            do {
                let read = try ingester.ingest(fileAt: URL(fileURLWithPath: file), path: file)
                if !quiet { print((k > 0 ? "\u{0C}" : "") + read.text) }
            } catch {
                FileHandle.standardError.write(Data("gazette: \(file) rejected: \(error)\n".utf8))
                rejected = true
            }
        }
        if rejected { throw ExitCode(ExitStatus.rejected) }
    }
}
