import Foundation
import GazetteModel
import XCTest
@testable import GazetteCore
import GazetteGenerate

/// The dedup stage inside the real pipeline: files are ingested, cleaned, normalized and
/// signed by `PipelineRunner`, and the manifest says which are duplicates of which.
final class DedupPipelineTests: XCTestCase {
    func runPipeline(corpus: URL, work: URL) throws -> Manifest {
        let config = PipelineConfig()
        let processor = try DocumentProcessor.make(config: config, baseDirectory: work)
        let runner = PipelineRunner(config: config, corpus: corpus, output: work.appendingPathComponent("Output"),
                                    cacheRoot: work.appendingPathComponent("cache"), processor: processor, sinks: [],
                                    progress: SilentProgress())
        _ = try runner.run()
        let data = try Data(contentsOf: work.appendingPathComponent("Output/manifest.json"))
        return try JSONDecoder().decode(Manifest.self, from: data)
    }

    /// The four OpenCC conversions of each round-trip sample collapse onto the simplified original.
    func testRoundTripConversionsCollapseOntoTheSimplifiedOriginal() throws {
        let work = try DedupFixtures.tempFolder("roundtrip")
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = work.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: DedupFixtures.roundtripFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        for n in names {
            try FileManager.default.copyItem(at: DedupFixtures.roundtripFolder.appendingPathComponent(n), to: corpus.appendingPathComponent(n))
        }
        let manifest = try runPipeline(corpus: corpus, work: work)
        let published = manifest.inputs.filter { $0.status == .published }
        XCTAssertEqual(published.map(\.path), names.filter { $0.hasSuffix(".expected.txt") }.map { "Corpus/" + $0 })
        for input in manifest.inputs where !input.path.hasSuffix(".expected.txt") {
            let stem = String((input.path as NSString).lastPathComponent.prefix { $0 != "." })
            XCTAssertEqual(input.status, .duplicate, input.path)
            XCTAssertEqual(published.first { $0.document == input.document }?.path, "Corpus/\(stem).expected.txt", input.path)
        }
    }

    /// Pairwise precision and recall against truth.json on a generated corpus.
    func testGeneratedCorpusPrecisionAndRecall() throws {
        let work = try DedupFixtures.tempFolder("generated")
        defer { try? FileManager.default.removeItem(at: work) }
        let data = try XCTUnwrap(OpenCCConverter.locateDataDirectory())
        let pool = OpenCCPool(dataDirectory: data)
        let generator = CorpusGenerator(library: try SampleLibrary.load(from: DedupFixtures.samplesFolder, pool: pool), opencc: pool)
        try generator.write(to: work, count: 300, seed: 42, threads: 2)
        let manifest = try runPipeline(corpus: work.appendingPathComponent("corpus"), work: work)
        let truthJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: work.appendingPathComponent("truth.json"))) as! [String: Any]
        var truth: [String: Int] = [:]
        for (g, paths) in (truthJSON["groups"] as! [[String]]).enumerated() { for p in paths { truth[p] = g } }
        XCTAssertEqual(manifest.inputs.filter { $0.status == .rejected }.map(\.path), [])
        var predicted: [String: String] = [:]
        for i in manifest.inputs { predicted[i.path] = i.document }
        XCTAssertEqual(Set(predicted.keys), Set(truth.keys))
        let score = PairwiseScore(predicted: predicted, truth: truth)
        print("generated corpus, 300 files: \(score)")
        XCTAssertGreaterThanOrEqual(score.precision, 0.99, "\(score)")
        XCTAssertGreaterThanOrEqual(score.recall, 0.98, "\(score)")
    }
}
