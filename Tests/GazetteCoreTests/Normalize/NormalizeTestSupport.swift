import Foundation
@testable import GazetteCore
import GazetteTestSupport

/// Paths and shared objects for the normalize tests, located from this file.
enum NormalizeTestSupport {
    static let packageRoot = Fixtures.root
    static let fixtures = Fixtures.of("GazetteCoreTests", "normalize")
    /// ../shared beside the worktree (round-trip set, sample corpus), when present.
    static let shared = Fixtures.shared

    static let dataDirectory: URL? = {
        let local = packageRoot.appendingPathComponent(".deps/opencc/share/opencc")
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("t2s.json").path) { return local }
        return OpenCCConverter.locateDataDirectory()
    }()

    static let normalizer: Normalizer? = dataDirectory.map { Normalizer(pool: OpenCCPool(dataDirectory: $0)) }

    /// Sections of terms.txt: name → [(input, expected)] (expected == input for `keep`).
    static func termSections() throws -> [String: [(String, String)]] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("terms.txt"), encoding: .utf8)
        var sections: [String: [(String, String)]] = [:]
        var current = ""
        for raw in text.split(separator: "\n") {
            let line = String(raw)
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.hasPrefix("[") { current = String(line.dropFirst().dropLast()); continue }
            let parts = line.split(separator: "\t").map(String.init)
            sections[current, default: []].append((parts[0], parts.count > 1 ? parts[1] : parts[0]))
        }
        return sections
    }

    /// Character error rate: edit distance over Unicode scalars / reference length,
    /// summed line by line when both sides have the same lines (conversion keeps lines).
    static func cer(reference: String, hypothesis: String) -> Double {
        let r = reference.split(separator: "\n", omittingEmptySubsequences: false)
        let h = hypothesis.split(separator: "\n", omittingEmptySubsequences: false)
        let pairs: [(Substring, Substring)] = r.count == h.count ? Array(zip(r, h)) : [(Substring(reference), Substring(hypothesis))]
        var edits = 0
        for (a, b) in pairs where a != b { edits += editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        return Double(edits) / Double(max(1, reference.unicodeScalars.count))
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
