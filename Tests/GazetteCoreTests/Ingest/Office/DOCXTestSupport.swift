import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// DOCX files built in memory for the reader's tests (OOXMLPackage writes the ZIP).
enum DOCX {
    typealias X = OOXMLPackage

    /// Raw deflate through GazetteCore's zlib (gzip framing stripped: 10-byte header, 8-byte trailer).
    static func deflate(_ b: [UInt8]) -> [UInt8] { Array(Gzip.deflate(b).dropFirst(10).dropLast(8)) }

    static func read(_ bytes: [UInt8], limits: IngestSettings = IngestSettings()) throws -> OfficeText {
        try DOCXReader().read(bytes, limits: limits)
    }

    /// The reader's lines for a body, with other parts (numbering, styles …) beside it.
    static func lines(_ body: String, parts: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            let text = try read(X.docx(X.document(body), parts: parts, deflate: deflate)).text
            return text.isEmpty ? [] : text.components(separatedBy: "\n")
        } catch {
            XCTFail("not read: \(error)", file: file, line: line)
            return []
        }
    }

    /// The rejection `bytes` get from the ingester (which routes them to the reader), or nil.
    static func rejection(_ bytes: [UInt8], name: String = "x.docx", limits: IngestSettings = IngestSettings()) -> RejectReason? {
        do {
            _ = try Ingester(settings: limits).ingest(bytes: bytes, path: name, sha256: "")
            return nil
        } catch let r as RejectReason {
            return r
        } catch {
            return RejectReason("unexpected", "\(error)")
        }
    }

    /// One level of a list: `w:lvl` with start, format, text and anything else inside.
    static func lvl(_ ilvl: Int, _ format: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        "<w:lvl w:ilvl=\"\(ilvl)\"><w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(format)\"/>\(extra)<w:lvlText w:val=\"\(text)\"/></w:lvl>"
    }

    /// numbering.xml: abstract numberings by id (their levels), and nums (id, abstract id, inside).
    static func numbering(_ abstracts: [Int: [String]], nums: [(Int, Int, String)]) -> String {
        "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"\(X.w)\">"
            + abstracts.keys.sorted().map { "<w:abstractNum w:abstractNumId=\"\($0)\">\(abstracts[$0]!.joined())</w:abstractNum>" }.joined()
            + nums.map { "<w:num w:numId=\"\($0.0)\"><w:abstractNumId w:val=\"\($0.1)\"/>\($0.2)</w:num>" }.joined()
            + "</w:numbering>"
    }

    /// styles.xml of paragraph styles: (id, basedOn, inside of w:pPr).
    static func styles(_ styles: [(String, String?, String)]) -> String {
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(X.w)\">"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + styles.map { s in
                "<w:style w:type=\"paragraph\" w:styleId=\"\(s.0)\"><w:name w:val=\"\(s.0)\"/>"
                    + (s.1.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + "<w:pPr>\(s.2)</w:pPr></w:style>"
            }.joined() + "</w:styles>"
    }

    /// The GB/T 9704 list: 一、 / （一） / 1. / （1） as the four levels of one list.
    static let officialLevels = [lvl(0, "chineseCounting", "%1、", extra: "<w:suff w:val=\"nothing\"/>"),
                                 lvl(1, "chineseCounting", "（%2）", extra: "<w:suff w:val=\"nothing\"/>"),
                                 lvl(2, "decimal", "%3."),
                                 lvl(3, "decimal", "（%4）", extra: "<w:suff w:val=\"nothing\"/>")]
}
