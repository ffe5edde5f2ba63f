import Foundation
import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// The classifier's fast paths against the plain definitions they stand for: the cue
/// automaton against a search for each cue alone, the scalar heading search against
/// Foundation's `range(of:)`.
final class ClassifierFastPathTests: XCTestCase {
    /// The automaton finds what a left-to-right search for each cue alone finds (the
    /// line-start entries only after a line terminator or at the start).
    func testAutomatonAgreesWithPerCueSearch() throws {
        let taxonomy = try ClassifyFixtures.repositoryClassifier().taxonomy
        var cues: [(id: Int32, text: String, atLineStart: Bool)] = []
        var words: [String] = []
        for c in taxonomy.areas + taxonomy.topics {
            for cue in c.cues where !cue.isRegex { cues.append((Int32(cues.count), cue.pattern, cues.count % 7 == 0)); words.append(cue.pattern) }
        }
        let automaton = CueAutomaton(cues: cues)
        let terminators: Set<UInt16> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        var r = SplitMix64(seed: 11)
        var found = 0
        for _ in 0 ..< 800 {
            let t = ClassifyFixtures.cueText(&r, cues: words, parts: r.below(30))
            let u = Array(t.utf16)
            var expected: [CueMatch] = []
            for (id, text, atLineStart) in cues {
                let p = Array(text.utf16)
                var i = 0
                while i + p.count <= u.count {
                    if Array(u[i ..< i + p.count]) == p && (!atLineStart || i == 0 || terminators.contains(u[i - 1])) {
                        expected.append(CueMatch(id: id, location: Int32(i), length: Int32(p.count))); i += p.count
                    } else { i += 1 }
                }
            }
            var got: [CueMatch] = []
            let size = automaton.scan(t, into: &got)
            func order(_ a: CueMatch, _ b: CueMatch) -> Bool { a.id != b.id ? a.id < b.id : a.location < b.location }
            XCTAssertEqual(got.sorted(by: order), expected.sorted(by: order), t.debugDescription)
            XCTAssertEqual(size.utf16, u.count)
            XCTAssertEqual(size.simple ? size.scalars : t.count, SimpleText.count(t))
            found += got.count
        }
        XCTAssertGreaterThan(found, 1000)
    }

    /// The heading search behind `Classifier.body` answers like Foundation's `range(of:)`, on
    /// texts with and without scalars that compose or decompose.
    func testHeadingSearchMatchesFoundation() {
        var r = SplitMix64(seed: 7)
        let pieces = ["信息公开", "一、", "（二）", "：", "。", " ", "\n", "e\u{301}", "\u{E9}", "😀", "abc", "公开", "\u{3099}", "か", "が", "Å", "A\u{30A}", "\r\n"]
        for _ in 0 ..< 3000 {
            var heading = "", text = ""
            for _ in 0 ..< r.below(4) { heading += r.pick(pieces) }
            for _ in 0 ..< r.below(3) { text += r.pick(pieces) }
            if r.below(3) > 0 { text += heading }
            for _ in 0 ..< r.below(6) { text += r.pick(pieces) }
            let window = Substring(text)
            let want = heading.isEmpty ? nil : window.range(of: heading)
            let got = heading.isEmpty ? nil : Classifier.find(heading, in: window)
            XCTAssertEqual(got, want, "\(heading.debugDescription) in \(text.debugDescription)")
        }
    }
}
