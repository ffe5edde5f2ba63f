import Foundation
import XCTest
import GazetteCore
import GazetteModel
@testable import GazettePublish

/// One document with every field set to a value of its own goes through every format —
/// document JSON (and back through the decoder), the binary cache, SQLite, CSV — and each
/// field declared in `DocumentFields` must come back where the declaration says, or the
/// test names the field and the format. Mirror proves the declaration lists every stored
/// property, so a new field cannot be forgotten by all of them at once.
final class FillEveryFieldTests: XCTestCase {
    typealias Record = DocumentFields.Record
    let document = DocumentFields.record("document")

    func testEveryFieldSurvivesEveryFormat() throws {
        let d = FilledDocument.document
        var problems = FieldMirror.fillProblems(d).map { "model: " + $0 } + placementProblems()
        // A format that throws is reported as such; the others are still checked.
        for (format, check) in [("JSON", jsonProblems), ("binary cache", binaryProblems), ("SQLite", sqliteProblems),
                                ("CSV", csvProblems), ("JSON Schema", schemaProblems)] as [(String, (Document) throws -> [String])] {
            do { problems += try check(d) } catch { problems.append("\(format): \(error)") }
        }
        for p in problems { XCTFail(p) }
    }

    /// schema/document.schema.json is what the declaration generates (GAZETTE_RECORD=1 rewrites it).
    func testCheckedInSchemaIsGenerated() throws {
        let url = Self.schemaURL, generated = DocumentSchemaJSON.text
        if ProcessInfo.processInfo.environment["GAZETTE_RECORD"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return XCTFail("re-recorded \(url.lastPathComponent): review the diff and run again without GAZETTE_RECORD")
        }
        let want = generated.components(separatedBy: "\n"), have = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        if let i = (0..<max(want.count, have.count)).first(where: { $0 >= want.count || $0 >= have.count || want[$0] != have[$0] }) {
            XCTFail("""
                schema/document.schema.json is not what DocumentFields generates (run the tests with GAZETTE_RECORD=1); line \(i + 1):
                  checked in: \(i < have.count ? have[i] : "<end>")
                  generated:  \(i < want.count ? want[i] : "<end>")
                """)
        }
    }

    /// A changed declaration changes the cache version, so cached documents are not read with the old shape.
    func testCacheVersionCarriesTheDeclarationsFingerprint() {
        XCTAssertTrue(PipelineRunner.codeVersion.hasSuffix(DocumentFields.fingerprint), PipelineRunner.codeVersion)
        XCTAssertEqual(DocumentFields.fingerprint.count, 16)
    }

    static var schemaURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/document.schema.json")
    }

    /// Each placement fits its field's type: a column for values, rows or parts for lists of records.
    func placementProblems() -> [String] {
        var out: [String] = []
        for r in DocumentFields.records {
            for f in r.fields {
                for (format, p) in [("SQLite", f.sqlite), ("CSV", f.csv)] {
                    let fits: Bool
                    switch (f.type, p) {
                    case (_, .absent(let why)): fits = !why.isEmpty
                    case (.record, .inline), (.list(.record), .rows), (.list(.record), .parts): fits = true
                    case (.record, _), (.list(.record), _), (.map, _), (_, .inline), (_, .rows), (_, .parts): fits = false
                    default: fits = true
                    }
                    if !fits { out.append("declaration: \(r.swiftType).\(f.property) cannot be placed as \(p) in \(format)") }
                }
            }
        }
        return out
    }

    // MARK: JSON

    func jsonProblems(_ d: Document) throws -> [String] {
        guard let fast = DocumentJSON.encode(d, pretty: true) else { return ["JSON (DocumentJSON): the hand writer refused the document"] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let coded = try encoder.encode(d)
        var out = walkJSON(d, try JSONSerialization.jsonObject(with: Data(fast)), document, "").map { "JSON (DocumentJSON): " + $0 }
        out += walkJSON(d, try JSONSerialization.jsonObject(with: coded), document, "").map { "JSON (Document.encode(to:)): " + $0 }
        if out.isEmpty && fast != Array(coded) { out.append("JSON: DocumentJSON and JSONEncoder write different bytes (key order?)") }
        do {
            let back = try JSONDecoder().decode(Document.self, from: Data(fast))
            out += FieldMirror.differences(d, back, document).map { "JSON read back (Document.init(from:)): " + $0 }
        } catch {
            out.append("JSON read back (Document.init(from:)): \(error)")
        }
        return out
    }

    func walkJSON(_ value: Any, _ json: Any, _ record: Record, _ path: String) -> [String] {
        guard let object = json as? [String: Any] else { return ["\(path): not an object"] }
        var out = Set(object.keys).subtracting(record.fields.map(\.key)).sorted().map {
            "\(path.isEmpty ? "" : path + ".")\($0): written but not declared in DocumentFields (record \(record.name))"
        }
        for f in record.fields {
            let p = (path.isEmpty ? "" : path + ".") + f.key, owner = "\(record.swiftType).\(f.property)"
            guard let j = object[f.key] else { out.append("\(p) (\(owner)): missing"); continue }
            out += compareJSON(FieldMirror.property(value, f.property).flatMap(FieldMirror.unwrapped), j, f.type, p, owner)
        }
        return out
    }

    /// The value at `path` (of the Swift property `owner`) against what the JSON holds there.
    func compareJSON(_ v: Any?, _ j: Any, _ type: DocumentFields.FieldType, _ path: String, _ owner: String) -> [String] {
        let name = "\(path) (\(owner))"
        guard let v else { return j is NSNull ? [] : ["\(name): nil written as \(j)"] }
        switch type {
        case .record(let r): return walkJSON(v, j, DocumentFields.record(r), path)
        case .list(let item):
            let ev = FieldMirror.elements(v)
            guard let ej = j as? [Any], ej.count == ev.count else { return ["\(name): \(ev.count) elements written as \(j)"] }
            return ev.indices.flatMap { compareJSON(ev[$0], ej[$0], item, "\(path)[\($0)]", owner) }
        case .map(let item):
            let mv = v as? [String: Any] ?? [:]
            guard let mj = j as? [String: Any], Set(mj.keys) == Set(mv.keys) else { return ["\(name): keys \(mv.keys.sorted()) written as \(j)"] }
            return mv.keys.sorted().flatMap { compareJSON(mv[$0], mj[$0]!, item, "\(path)[\($0)]", owner) }
        default:
            let got: FieldMirror.Scalar? = (j as? String).map { .text($0) } ?? (j as? NSNumber).map { type == .integer ? .int($0.intValue) : .real($0.doubleValue) }
            let want = FieldMirror.scalar(v)
            return got == want ? [] : ["\(name): \(want.map(\.description) ?? "?") written as \(j)"]
        }
    }

    // MARK: binary cache

    func binaryProblems(_ d: Document) -> [String] {
        var bytes: [UInt8] = []
        DocumentBinary.encode(d, into: &bytes)
        // Strings are stored as their UTF-8 and numbers as 8 little-endian bytes: each value's bytes must be there.
        var out = FieldMirror.leaves(d).compactMap { leaf -> String? in
            let needle: [UInt8]
            switch leaf.value {
            case .text(let s): needle = Array(s.utf8)
            case .int(let n): needle = withUnsafeBytes(of: Int64(n).littleEndian) { Array($0) }
            case .real(let x): needle = withUnsafeBytes(of: x.bitPattern.littleEndian) { Array($0) }
            case .null: return nil
            }
            let found = needle.isEmpty || (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
            return found ? nil : "binary cache (DocumentBinary.encode): \(leaf.name) = \(leaf.value) is not in the encoded bytes"
        }
        guard let back = bytes.withUnsafeBytes({ DocumentBinary.decode($0) }) else {
            return out + ["binary cache (DocumentBinary.decode): the encoded document does not decode"]
        }
        out += FieldMirror.differences(d, back, document).map { "binary cache (encode → decode): " + $0 }
        return out
    }
}
