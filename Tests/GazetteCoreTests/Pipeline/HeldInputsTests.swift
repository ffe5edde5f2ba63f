import Foundation
import XCTest
import GazetteModel
@testable import GazetteCore

/// Of several inputs with the same normalized text only one is held for the complete
/// stage: the one the canonical-copy rule prefers, whatever order they were prepared in.
final class HeldInputsTests: XCTestCase {
    func input(_ id: String) -> StructureInput {
        let text = "一、总体要求\n（一）做好政策解读。"
        return StructureInput(id: id, source: Source(path: id, sha256: "", format: "txt", encoding: "utf-8"),
                              normalized: NormalizedText(text: text, original: text, script: "simplified", variant: "mainland", conversion: "none"),
                              pageMetadata: [:], pageTitle: nil, removed: [])
    }

    func candidate(_ id: String, conversion: String, text: String = "same") -> DedupCandidate {
        let sig = DedupSignature(parameters: "p", textHash: text, minhash: [], sampleLevel: 0, sample: [], clauses: ClauseSignatures(),
                                 script: conversion == "none" ? "simplified" : "traditional")
        return DedupCandidate(id: id, path: "c/" + id, sha256: id, conversion: conversion, length: 10, signature: sig)
    }

    func job() -> RunJob {
        RunJob(files: [], ids: [], cache: DocumentCache(root: FileManager.default.temporaryDirectory), prepareHash: "p", configHash: "x", useCache: false,
               preparedBudget: 1 << 20, documentBudget: 1 << 20, sameText: SameTextPreference(), spill: nil)
    }

    func testThePreferredCopyOfATextIsHeldInEitherOrder() {
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let j = job()
            let c = [candidate("a", conversion: "t2s"), candidate("b", conversion: "none"), candidate("c", conversion: "tw2s")]
            for k in order { j.hold(k, input("doc\(k)"), candidate: c[k], bytes: 100) }
            XCTAssertTrue(j.held.contains(1), "order \(order)")
            XCTAssertFalse(j.held.contains(0), "order \(order)")
            XCTAssertFalse(j.held.contains(2), "order \(order)")
        }
        // Different texts are all held, within the budget.
        let j = job()
        for k in 0..<3 { j.hold(k, input("d\(k)"), candidate: candidate("x\(k)", conversion: "none", text: "t\(k)"), bytes: 100) }
        XCTAssertTrue((0..<3).allSatisfy { j.held.contains($0) })
        j.hold(3, input("big"), candidate: candidate("big", conversion: "none", text: "t3"), bytes: 2 << 20)
        XCTAssertFalse(j.held.contains(3), "over the budget")
    }
}
