import Foundation
import XCTest

/// Where the tests find their inputs: the package itself, and the shared sample documents,
/// gold annotations, devset and round-trip set that lie in ../shared beside it.
public enum Fixtures {
    /// The package root (this file is Sources/GazetteTestSupport/Fixtures.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// ../shared beside the package.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// The shared sample documents (../shared/corpus, or $GAZETTE_SAMPLES).
    public static var samples: URL {
        if let env = ProcessInfo.processInfo.environment["GAZETTE_SAMPLES"] { return URL(fileURLWithPath: env) }
        return shared.appendingPathComponent("corpus")
    }

    /// Hand-made annotations of the samples (../shared/gold).
    public static let gold = shared.appendingPathComponent("gold")
    /// Real documents of other sources (../shared/devset).
    public static let devset = shared.appendingPathComponent("devset")
    /// OpenCC conversions of samples with their expected simplified text (../shared/roundtrip).
    public static let roundtrip = shared.appendingPathComponent("roundtrip")

    /// A test target's own fixtures: Tests/<target>/Fixtures/<path>.
    public static func of(_ target: String, _ path: String = "") -> URL {
        root.appendingPathComponent("Tests/\(target)/Fixtures").appendingPathComponent(path)
    }

    /// The `.txt` sample documents, sorted by name; skips the test when they are not there.
    public static func sampleFiles() throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        let txt = names.filter { $0.hasSuffix(".txt") }.sorted()
        if txt.isEmpty { throw XCTSkip("sample corpus not found at \(samples.path)") }
        return txt.map { samples.appendingPathComponent($0) }
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
