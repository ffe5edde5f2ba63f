import Foundation
import XCTest

/// The run's orchestration stays readable: no function in `Sources/GazetteCore/Pipeline/`
/// (the runner and its phases) or in the `run` command is longer than 60 lines, so each
/// phase's inputs, outputs and order can be read at a glance.
final class OrchestrationSizeTests: XCTestCase {
    static let limit = 60

    /// (file, line, length) of every function or initializer body in `source`, by brace depth.
    static func functionLengths(_ source: String) -> [(line: Int, length: Int)] {
        let lines = source.components(separatedBy: "\n")
        var out: [(Int, Int)] = []
        for (i, l) in lines.enumerated() {
            let t = l.trimmingCharacters(in: .whitespaces)
            guard !t.hasPrefix("//"), t.range(of: #"\b(func\s+\w+|init\??\s*\()"#, options: .regularExpression) != nil else { continue }
            var depth = 0, opened = false
            for j in i..<min(lines.count, i + 2000) {
                for ch in lines[j] { if ch == "{" { depth += 1; opened = true } else if ch == "}" { depth -= 1 } }
                if opened && depth <= 0 { out.append((i + 1, j - i + 1)); break }
                if !opened && j > i + 5 { break }   // a requirement without a body
            }
        }
        return out
    }

    func testNoOrchestrationFunctionIsLongerThanTheLimit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let pipeline = root.appendingPathComponent("Sources/GazetteCore/Pipeline")
        var files = [root.appendingPathComponent("Sources/GazetteCLI/RunCommand.swift")]
        let walk = FileManager.default.enumerator(at: pipeline, includingPropertiesForKeys: nil)
        while let u = walk?.nextObject() as? URL { if u.pathExtension == "swift" { files.append(u) } }
        XCTAssertGreaterThan(files.count, 10, "the pipeline's sources were found")
        for f in files {
            for (line, length) in Self.functionLengths(try String(contentsOf: f, encoding: .utf8)) where length > Self.limit {
                XCTFail("\(f.lastPathComponent):\(line) is \(length) lines long (limit \(Self.limit)): split it into named steps")
            }
        }
    }

    func testTheCounterSeesALongFunction() {
        let long = "func a() {\n" + String(repeating: "    x()\n", count: 70) + "}\nfunc b() { y() }\n"
        XCTAssertEqual(Self.functionLengths(long).map(\.length), [72, 1])
    }
}
