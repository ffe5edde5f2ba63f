import Foundation
@testable import GazetteCore
import GazetteTestSupport

/// Helpers shared by the dedup tests: text builders and candidates from text.
enum DedupFixtures {
    /// Deterministic pseudo-Chinese text: `lines` lines of `width` characters drawn from a
    /// fixed stream, so different seeds give unrelated texts.
    static func text(seed: UInt64, lines: Int = 60, width: Int = 40) -> [String] {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("政务公开工作要点推进决策执行管理服务结果重点领域信息发布解读回应平台建设规范制度机制落实监督考核培训人员数据开放基层标准化")
        return (0..<lines).map { _ in String((0..<width).map { _ in rng.pick(alphabet) }) + "。" }
    }

    static func candidate(_ id: String, _ lines: [String], path: String? = nil, conversion: String = "none",
                          settings: DedupSettings = DedupSettings(), clauses: [(id: String, text: String)]? = nil) -> DedupCandidate {
        let text = lines.joined(separator: "\n")
        let cl = clauses ?? lines.enumerated().map { (id: "c\($0.offset)", text: $0.element) }
        return DedupCandidate(id: id, path: path ?? "Corpus/\(id).txt", sha256: SHA256Digest.hex(text), conversion: conversion,
                              length: text.count, signature: DedupSignature.make(text: text, clauses: cl, settings: settings))
    }

    /// Replace `fraction` of the lines (every k-th) with lines of another text.
    static func rewrite(_ lines: [String], fraction: Double, seed: UInt64) -> [String] {
        let other = text(seed: seed, lines: lines.count)
        let step = max(1, Int((1 / fraction).rounded()))
        return lines.enumerated().map { $0.offset % step == 0 ? other[$0.offset] : $0.element }
    }

    static var samplesFolder: URL { Fixtures.samples }
    static var roundtripFolder: URL { Fixtures.roundtrip }

    static func tempFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-dedup-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
