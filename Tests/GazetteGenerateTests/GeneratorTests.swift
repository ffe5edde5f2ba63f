import Foundation
import XCTest
import GazetteCore
@testable import GazetteGenerate
import GazetteTestSupport

final class GeneratorTests: XCTestCase {
    func generator() throws -> CorpusGenerator {
        let data = try XCTUnwrap(OpenCCConverter.locateDataDirectory())
        let pool = OpenCCPool(dataDirectory: data)
        return CorpusGenerator(library: try SampleLibrary.load(from: Fixtures.samples, pool: pool), opencc: pool)
    }

    func testSameSeedSameCorpusAndTruthCoversEveryFileOnce() throws {
        let g = try generator()
        let a = try Fixtures.temporaryFolder("gen-a"), b = try Fixtures.temporaryFolder("gen-b")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        XCTAssertEqual(try g.write(to: a, count: 60, seed: 7, threads: 2).files, 60)
        try g.write(to: b, count: 60, seed: 7, threads: 1)
        let truthA = try Data(contentsOf: a.appendingPathComponent("truth.json"))
        XCTAssertEqual(truthA, try Data(contentsOf: b.appendingPathComponent("truth.json")))
        let truth = try JSONDecoder().decode([String: [[String]]].self, from: truthA.filteringKeys(["groups"]))
        let listed = truth["groups"]!.flatMap { $0 }
        XCTAssertEqual(listed.count, Set(listed).count, "each file in one group")
        let files = CorpusScanner.scan(a.appendingPathComponent("corpus"), displayRoot: "corpus").map(\.path)
        XCTAssertEqual(Set(files), Set(listed))
        for p in listed {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(p)), try Data(contentsOf: b.appendingPathComponent(p)), p)
        }
        XCTAssertNotEqual(try g.write(to: b, count: 60, seed: 8, threads: 2).groups, 0)
        XCTAssertNotEqual(try Data(contentsOf: b.appendingPathComponent("truth.json")), truthA, "another seed, another corpus")
    }

    func testCopiesCoverTheEncodingsScriptsAndFormats() throws {
        let g = try generator()
        var encodings = Set<String>(), formats = Set<String>(), conversions = Set<String>()
        let ingester = Ingester()
        let lock = NSLock()
        var groups = 0, multi = 0
        try g.generate(count: 400, seed: 42, threads: 2) { _, docs in
            for copies in docs {
                for c in copies {
                    let r = try ingester.ingest(bytes: c.bytes, path: c.path, sha256: "")
                    lock.lock(); encodings.insert(r.encoding); formats.insert(r.format); conversions.insert(c.conversion); lock.unlock()
                }
                lock.lock(); groups += 1; if copies.count > 1 { multi += 1 }; lock.unlock()
            }
        }
        XCTAssertEqual(encodings, ["utf-8", "utf-16", "gb18030", "big5"], "encoding names of the document contract")
        XCTAssertTrue(formats.isSuperset(of: ["txt", "html", "txt.gz", "html.gz"]), "\(formats)")
        XCTAssertEqual(conversions, ["none", "s2t", "s2tw", "s2twp", "s2hk"])
        XCTAssertGreaterThan(multi, groups / 3)
    }

    func testVariantsShareBoilerplateButAreDifferentDocuments() throws {
        let g = try generator()
        var rng = SeededRandom(seed: 3)
        let v = DocumentVariants(library: g.library)
        let sample = g.library.samples[0]
        let a = v.variant(of: 0, region: "杭州市", year: 2021, fraction: 0.2, rng: &rng)
        let b = v.nextYear(a, body: sample.body, region: "杭州市", fraction: 0.15, rng: &rng)
        let s = DedupSettings()
        let sa = DedupSignature.make(text: a.joined(separator: "\n"), clauses: [], settings: s)
        let sb = DedupSignature.make(text: b.joined(separator: "\n"), clauses: [], settings: s)
        let sim = sa.similarity(to: sb)
        XCTAssertGreaterThan(sim, 0.3, "next year's plan shares much of its text")
        XCTAssertLessThan(sim, s.threshold)
        XCTAssertTrue(a.joined().contains("杭州"))
        XCTAssertTrue(b.joined().contains("2022"))
    }
}

private extension Data {
    /// The JSON object reduced to `keys` (truth.json also holds the seed and count).
    func filteringKeys(_ keys: Set<String>) -> Data {
        guard let obj = try? JSONSerialization.jsonObject(with: self) as? [String: Any] else { return self }
        return (try? JSONSerialization.data(withJSONObject: obj.filter { keys.contains($0.key) })) ?? self
    }
}
