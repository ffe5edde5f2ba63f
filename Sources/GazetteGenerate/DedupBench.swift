import Foundation
import GazetteCore

/// The dedup stage alone on a generated corpus held in memory (`gazette generate
/// --bench-dedup`): documents are generated, reduced to what the pipeline would hand
/// the stage (the text converted back to simplified with `t2s`, each line of 12 or more
/// characters a clause), signed on all threads, then deduplicated. Reports the times,
/// the peak resident memory and the pairwise precision and recall against the truth.
public enum DedupBench {
    public static func run(generator: CorpusGenerator, count: Int, seed: UInt64, threads: Int, settings: DedupSettings) throws -> String {
        var generator = generator
        generator.makeBytes = false
        let t0 = Date()
        let lock = NSLock()
        var candidates: [(Int, DedupCandidate)] = []
        var truth: [String: Int] = [:]
        var docIndex: [Int: Int] = [:]
        try generator.generate(count: count, seed: seed, threads: threads) { f, docs in
            var made: [(String, Int, DedupCandidate)] = []
            for (d, copies) in docs.enumerated() {
                var signed: [String: (DedupSignature, Int)] = [:]   // identical texts are signed once
                for copy in copies {
                    let id = (copy.path as NSString).lastPathComponent
                    if let (sig, length) = signed[copy.conversion + "\u{1}" + copy.text] {
                        made.append((copy.path, d, DedupCandidate(id: id, path: copy.path, sha256: "", conversion: copy.conversion,
                                                                  length: length, signature: sig)))
                        continue
                    }
                    let text = copy.conversion == "none" || !generator.convertScripts ? copy.text : try generator.opencc.with("t2s") { $0.convert(copy.text) }
                    let lines = text.split(separator: "\n").map(String.init)
                    let clauses = lines.enumerated().filter { SampleLibrary.hanCount($0.element) >= 12 }.map { (id: "l\($0.offset)", text: $0.element) }
                    let sig = DedupSignature.make(text: text, clauses: clauses, settings: settings)
                    signed[copy.conversion + "\u{1}" + copy.text] = (sig, text.count)
                    made.append((copy.path, d, DedupCandidate(id: id, path: copy.path, sha256: "", conversion: copy.conversion,
                                                              length: text.count, signature: sig)))
                }
            }
            lock.lock(); defer { lock.unlock() }
            for (path, d, c) in made {
                truth[path] = f * 16 + d
                candidates.append((f, c))
                docIndex[f] = max(docIndex[f] ?? 0, d)
            }
        }
        let ordered = candidates.sorted { ($0.0, $0.1.path) < ($1.0, $1.1.path) }.map(\.1)
        candidates = []
        let signed = Date().timeIntervalSince(t0)
        let rssBefore = peakRSS()
        let t1 = Date(), cpu1 = cpuSeconds()
        let result = Deduplicator(settings: settings).run(ordered)
        let deduped = Date().timeIntervalSince(t1), dedupCPU = cpuSeconds() - cpu1
        var predicted: [String: String] = [:]
        for c in ordered { predicted[c.path] = result.canonicalOf[c.id] ?? c.id }
        let score = PairwiseScore(predicted: predicted, truth: truth)
        let links = result.similar.values.reduce(0) { $0 + $1.count }
        var lines = ["documents \(ordered.count)  groups \(Set(truth.values).count)  threads \(threads)"
                     + (generator.convertScripts ? "" : "  (copies not script-converted, fold \(settings.fold))"),
                     String(format: "generate+sign %.2f s   dedup %.2f s wall, %.2f s CPU (one thread)", signed, deduped, dedupCPU),
                     "peak RSS before dedup \(rssBefore / 1024) MiB, after \(peakRSS() / 1024) MiB",
                     "duplicates \(result.canonicalOf.count)  clauses with links \(links)",
                     "document pairs: \(score)"]
        lines += similarityProfile(ordered, truth: truth)
        lines.append("stats " + result.stats.keys.sorted().map { "\($0)=\(result.stats[$0]!)" }.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    /// The data behind the threshold: similarity of each copy to its group's first
    /// simplified copy, by conversion, and of different documents to each other (the
    /// originals of up to 400 groups, all pairs).
    static func similarityProfile(_ docs: [DedupCandidate], truth: [String: Int]) -> [String] {
        var byGroup: [Int: [DedupCandidate]] = [:]
        for d in docs { byGroup[truth[d.path]!, default: []].append(d) }
        var same: [String: [Double]] = [:]
        var originals: [DedupCandidate] = []
        for g in byGroup.keys.sorted() {
            let members = byGroup[g]!
            guard let first = members.first(where: { $0.conversion == "none" }) else { continue }
            originals.append(first)
            for m in members where m.path != first.path { same[m.conversion, default: []].append(first.signature.similarity(to: m.signature)) }
        }
        var different: [Double] = []
        let sampled = Array(originals.prefix(400))
        for i in sampled.indices { for j in sampled.indices where j > i { different.append(sampled[i].signature.similarity(to: sampled[j].signature)) } }
        func profile(_ v: [Double]) -> String {
            let s = v.sorted()
            guard !s.isEmpty else { return "none" }
            func q(_ p: Double) -> String { String(format: "%.3f", s[min(s.count - 1, Int(Double(s.count - 1) * p))]) }
            return "n=\(s.count) min \(q(0)) p1 \(q(0.01)) p10 \(q(0.1)) median \(q(0.5)) p99 \(q(0.99)) p99.9 \(q(0.999)) max \(q(1))"
        }
        var out = same.keys.sorted().map { "same document, \($0): \(profile(same[$0]!))" }
        out.append("different documents: \(profile(different))")
        return out
    }

    /// User + system CPU time of this process.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// VmHWM of this process in KiB (0 where /proc is missing).
    static func peakRSS() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
