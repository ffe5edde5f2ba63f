import XCTest
import GazetteModel
@testable import GazetteCore

/// Malformed pipeline.yml: every problem is a diagnostic with file, line and a suggestion.
final class PipelineConfigTests: XCTestCase {
    func diagnostics(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do { _ = try PipelineConfig.parse(yaml, file: "pipeline.yml"); XCTFail("must be rejected:\n\(yaml)", file: file, line: line); return [] } catch let e as ConfigurationError {
            return e.diagnostics
        } catch { XCTFail("\(error)", file: file, line: line); return [] }
    }

    func testValidConfigurationParses() throws {
        let c = try PipelineConfig.parse("corpus: In\nstages: [ingest, clean, structure]\ningest:\n  max_file_bytes: 1024\n  max_line_chars: 99\nworkers: 2\n", file: "p.yml")
        XCTAssertEqual(c.corpus, "In"); XCTAssertEqual(c.stages, ["ingest", "clean", "structure"])
        XCTAssertTrue(c.runs("clean") && !c.runs("normalize") && !c.runs("dedup"))
        XCTAssertEqual(c.ingest.maxFileBytes, 1024); XCTAssertEqual(c.ingest.maxLineChars, 99); XCTAssertEqual(c.workers, 2)
    }

    func testMaxPagesIsReadAndKeysTheCacheOnlyWhenSet() throws {
        let c = try PipelineConfig.parse("corpus: In\ningest:\n  max_pages: 50\n", file: "p.yml")
        XCTAssertEqual(c.ingest.maxPages, 50)
        XCTAssertEqual(PipelineConfig().ingest.maxPages, 2_000)
        XCTAssertNotEqual(c.hash(), try PipelineConfig.parse("corpus: In\n", file: "p.yml").hash())
        XCTAssertEqual(try PipelineConfig.parse("corpus: In\ningest:\n  max_pages: 2000\n", file: "p.yml").hash(),
                       try PipelineConfig.parse("corpus: In\n", file: "p.yml").hash())
        XCTAssertEqual(diagnostics("corpus: In\ningest:\n  max_pages: -3\n").first?.line, 3)
    }

    func testMemoryBudgetSizesWhatTheRunnerHoldsAndKeysNoCache() throws {
        let c = try PipelineConfig.parse("corpus: In\nmemory:\n  budget_mib: 512\n", file: "p.yml")
        XCTAssertEqual(c.memoryBudgetMiB, 512)
        XCTAssertEqual(PipelineConfig().memoryBudgetMiB, 1024)
        XCTAssertEqual(c.hash(), try PipelineConfig.parse("corpus: In\n", file: "p.yml").hash(), "the budget changes no result")
        XCTAssertEqual(PipelineRunner.heldBudgets(c).prepared, 64 << 20)
        XCTAssertEqual(PipelineRunner.heldBudgets(c).documents, 32 << 20)
        XCTAssertEqual(diagnostics("corpus: In\nmemory:\n  budget_mib: 0\n").first?.line, 3)
        XCTAssertEqual(diagnostics("corpus: In\nmemory:\n  budget: 5\n").first?.id, "unknown-key")
    }

    func testBadYAMLHasLine() {
        let d = diagnostics("corpus: Corpus\nstages: [ingest, clean\noutput: Output\n")
        XCTAssertEqual(d.first?.id, "yaml-syntax")
        XCTAssertNotNil(d.first?.line)
        XCTAssertNotNil(d.first?.suggestion)
        let tab = diagnostics("corpus: Corpus\ningest:\n\tmax_file_bytes: 3\n")
        XCTAssertEqual(tab.first?.id, "yaml-syntax")
        XCTAssertEqual(tab.first?.line, 3)
    }

    func testUnknownStageSuggestsTheNearestName() {
        let d = diagnostics("corpus: Corpus\nstages:\n  - ingest\n  - claen\n  - structure\n")
        XCTAssertEqual(d.map(\.id), ["unknown-stage"])
        XCTAssertEqual(d[0].line, 4)
        XCTAssertEqual(d[0].suggestion, "did you mean 'clean'?")
    }

    func testStagesNoRunCanDoWithoutAreRequired() {
        let d = diagnostics("corpus: Corpus\nstages: [clean, normalize, classify]\n")
        XCTAssertEqual(d.map(\.id), ["required-stage", "required-stage"])
        XCTAssertEqual(d.map(\.line), [2, 2])
        XCTAssertTrue(d[0].message.contains("'ingest'") && d[1].message.contains("'structure'"), d.map(\.message).joined())
    }

    /// A section for a stage that takes no settings would be ignored: it is an error at its line.
    func testSectionsNothingReadsAreRejected() {
        let d = diagnostics("corpus: Corpus\nclean:\n  drop_chrome: false\nnormalize: {}\nstructure:\n  depth: 3\n")
        XCTAssertEqual(d.map(\.id), ["unread-section", "unread-section", "unread-section"])
        XCTAssertEqual(d.map(\.line), [2, 4, 5])
        XCTAssertTrue(d.allSatisfy { $0.suggestion?.contains("stages") == true })
    }

    func testUnknownKeys() {
        let d = diagnostics("corpus: Corpus\noutptu: Out\ningest:\n  max_bytes: 5\n")
        XCTAssertEqual(d.map(\.id), ["unknown-key", "unknown-key"])
        XCTAssertEqual(d.map(\.line), [2, 4])
        XCTAssertEqual(d[0].suggestion, "did you mean 'output'?")
    }

    func testWrongTypesAndRanges() {
        let d = diagnostics("workers: many\nstages: ingest\ningest:\n  max_file_bytes: 64MiB\n  max_inflated_bytes: -1\n  extensions: txt\n")
        XCTAssertEqual(d.map(\.id), ["wrong-type", "wrong-type", "wrong-type", "out-of-range", "wrong-type"])
        XCTAssertEqual(d.map(\.line), [1, 2, 4, 5, 6])
        XCTAssertTrue(d.allSatisfy { $0.suggestion != nil && $0.file == "pipeline.yml" })
        XCTAssertEqual(diagnostics("- just\n- a list\n").map(\.id), ["wrong-type"])
        XCTAssertEqual(diagnostics("workers: -3\n").map(\.id), ["out-of-range"])
    }

    func testMissingTaxonomyFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(getpid())-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("pipeline.yml")
        try "corpus: Corpus\nclassify:\n  taxonomy: data/taxonomy.yml\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PipelineConfig.load(url)) { e in
            let d = (e as? ConfigurationError)?.diagnostics ?? []
            XCTAssertEqual(d.map(\.id), ["data-file-missing"])
            XCTAssertEqual(d.first?.line, 3)
            XCTAssertEqual(d.first?.file, url.path)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "areas: []\n".write(to: dir.appendingPathComponent("data/taxonomy.yml"), atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try PipelineConfig.load(url))
    }
}
