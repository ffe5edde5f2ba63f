import Foundation
import GazetteCore
import GazetteOutput

/// `gazette generate`: a labelled corpus for dedup tests and benchmarks.
///
/// The corpus is made of *families*: a document on a sample's template (the first
/// families are the samples themselves), sometimes followed by the same region's plans
/// of the next years. Every document of a family is a different document; each gets
/// one or more copies (`CopyMaker`), and its copies form one group of `truth.json`.
/// Family `i` draws from its own random stream, so the corpus depends only on the seed
/// and the count, whatever the number of threads; files are written as they are made.
public struct CorpusGenerator: Sendable {
    public let library: SampleLibrary
    public let opencc: OpenCCPool
    /// False for fast benchmarks at scale: copies keep the simplified text (labelled with
    /// the conversion they stand for) instead of being converted with OpenCC.
    public var convertScripts = true
    /// False when only the texts are wanted (benchmarks): files' bytes are left empty.
    public var makeBytes = true
    public init(library: SampleLibrary, opencc: OpenCCPool) { self.library = library; self.opencc = opencc }

    /// Copies per document of one family.
    struct FamilyPlan { var copies: [Int] }

    /// Family sizes until `count` files, the last family cut to fit.
    func plan(count: Int, seed: UInt64) -> [FamilyPlan] {
        var plans: [FamilyPlan] = []
        var total = 0
        var f = 0
        while total < count {
            var rng = SeededRandom(seed: seed, index: f, salt: 1)
            let docs = rng.chance(0.6) ? 1 : (rng.chance(0.75) ? 2 : 3)
            var copies: [Int] = []
            for _ in 0..<docs {
                let u = rng.unit(0...1)
                var c = u < 0.35 ? 1 : (u < 0.55 ? 2 : (u < 0.9 ? rng.int(3...6) : rng.int(7...12)))
                c = min(c, count - total)
                if c == 0 { break }
                copies.append(c); total += c
            }
            plans.append(FamilyPlan(copies: copies))
            f += 1
        }
        return plans
    }

    /// The documents of family `f`, each as its list of copies.
    func family(_ f: Int, plan: FamilyPlan, seed: UInt64) throws -> [[GeneratedCopy]] {
        var rng = SeededRandom(seed: seed, index: f, salt: 2)
        let variants = DocumentVariants(library: library)
        let template = f < library.samples.count ? f : rng.int(0...(library.samples.count - 1))
        let sample = library.samples[template]
        var region = sample.regions.first ?? rng.pick(SampleLibrary.regions)
        var year = sample.year ?? 2020
        var lines: [String]
        if f < library.samples.count {
            lines = sample.lines
        } else {
            region = rng.pick(SampleLibrary.regions)
            year = rng.int(2016...2024)
            let fraction = rng.chance(0.3) ? rng.unit(0.12...0.35) : rng.unit(0.5...0.95)
            lines = variants.variant(of: template, region: region, year: year, fraction: fraction, rng: &rng)
        }
        var out: [[GeneratedCopy]] = []
        let maker = CopyMaker(opencc: opencc, convertScripts: convertScripts, makeBytes: makeBytes)
        for (d, count) in plan.copies.enumerated() {
            if d > 0 {
                lines = variants.nextYear(lines, body: sample.body, region: region, fraction: rng.unit(0.12...0.3), rng: &rng)
                year += 1
            }
            let title = lines.first { SampleLibrary.hanCount($0) >= 6 } ?? region
            let copies = try maker.copies(of: lines, title: title, region: region, year: year, count: count, name: { c in
                String(Shingler.mix(seed ^ UInt64(f) << 24 ^ UInt64(d) << 12 ^ UInt64(c)), radix: 16)
            }, rng: &rng)
            out.append(copies)
        }
        return out
    }

    /// Every document of the corpus, family by family, on `threads` threads; `body` is
    /// called on those threads with the family index and its documents (it locks what it shares).
    public func generate(count: Int, seed: UInt64, threads: Int, _ body: @escaping (Int, [[GeneratedCopy]]) throws -> Void) throws {
        let plans = plan(count: count, seed: seed)
        let queue = FamilyQueue(count: plans.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, threads) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let f = queue.take() {
                    do { try body(f, try family(f, plan: plans[f], seed: seed)) } catch { queue.fail(error) }
                }
            }
        }
        group.wait()
        if let failure = queue.failure { throw failure }
    }

    /// Writes the corpus under `out/corpus/` and the true groups to `out/truth.json`
    /// (paths relative to `out`, which are also the paths `gazette run --corpus out/corpus`
    /// records in its manifest). Returns the number of files and of groups.
    @discardableResult
    public func write(to out: URL, count: Int, seed: UInt64, threads: Int) throws -> (files: Int, groups: Int) {
        let fm = FileManager.default
        try fm.createDirectory(at: out.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        var groups: [Int: [[String]]] = [:]
        var files = 0
        let lock = NSLock()
        try generate(count: count, seed: seed, threads: threads) { f, docs in
            for copy in docs.joined() {
                let url = out.appendingPathComponent(copy.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileOutput.write(copy.bytes, to: url)
            }
            lock.lock(); defer { lock.unlock() }
            groups[f] = docs.map { $0.map(\.path).sorted() }
            files += docs.joined().count
        }
        let ordered = groups.keys.sorted().flatMap { groups[$0]! }
        var json = "{\n  \"seed\": \(seed),\n  \"count\": \(files),\n  \"groups\": [\n"
        json += ordered.map { "    [" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }.joined(separator: ",\n")
        json += "\n  ]\n}\n"
        try Data(json.utf8).write(to: out.appendingPathComponent("truth.json"))
        return (files, ordered.count)
    }
}

/// Hands out family indices to worker threads; the first error stops the others.
final class FamilyQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private(set) var failure: Error?
    init(count: Int) { self.count = count }
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        if failure != nil || next >= count { return nil }
        next += 1
        return next - 1
    }
    func fail(_ e: Error) { lock.lock(); if failure == nil { failure = e }; lock.unlock() }
}
