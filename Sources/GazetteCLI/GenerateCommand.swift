import ArgumentParser
import Foundation
import GazetteCore
import GazetteGenerate

/// `gazette generate`: a labelled corpus for dedup tests and benchmarks (see `CorpusGenerator`).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a labelled test corpus from the sample documents.",
        discussion: """
        Writes DIR/corpus/ (re-encoded, script-converted, site-wrapped, gzipped and lightly edited copies \
        of documents built from the samples, and different documents sharing their boilerplate) and \
        DIR/truth.json: {"groups": [[path, …], …]}, paths relative to DIR, each group one document. \
        Deterministic from the seed.
        """)

    @Option(name: .long, help: "Output folder.") var out: String?
    @Option(name: .long, help: "Number of files to generate.") var count: Int
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 42
    @Option(name: .long, help: "Folder of sample documents.") var samples: String = "Corpus"
    @Option(name: .long, help: "Threads (0 = one per core).") var threads: Int = 0
    @Flag(name: .customLong("bench-dedup"), help: .hidden) var benchDedup = false
    /// With --bench-dedup: copies keep simplified script and texts are not folded (fast, for scale).
    @Flag(name: .customLong("bench-simplified"), help: .hidden) var benchSimplified = false
    @OptionGroup(title: "Configuration") var options: ConfigOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1") }
        if out == nil && !benchDedup { throw ValidationError("--out is required") }
    }

    func run() throws {
        guard let data = OpenCCConverter.locateDataDirectory() else {
            FileHandle.standardError.write(Data("gazette generate: OpenCC dictionaries not found\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
        let pool = OpenCCPool(dataDirectory: data)
        let library: SampleLibrary
        do { library = try SampleLibrary.load(from: URL(fileURLWithPath: samples), pool: pool) } catch {
            FileHandle.standardError.write(Data("gazette generate: \(error)\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
        var generator = CorpusGenerator(library: library, opencc: pool)
        let n = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        if benchDedup {
            var (config, _) = try options.load()
            if benchSimplified { generator.convertScripts = false; config.dedup.fold = "none" }
            print(try DedupBench.run(generator: generator, count: count, seed: seed, threads: n, settings: config.dedup))
            return
        }
        let result = try generator.write(to: URL(fileURLWithPath: out!), count: count, seed: seed, threads: n)
        print("generated \(result.files) files in \(result.groups) documents from \(library.samples.count) samples under \(out!)")
    }
}
