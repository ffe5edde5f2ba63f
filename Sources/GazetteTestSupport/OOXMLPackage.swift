/// A tiny writer of ZIP archives and Word documents (OOXML), for tests that build DOCX files
/// in memory: well-formed ones part by part, and hostile ones (lying sizes, odd names).
/// Deflate comes from the caller (`deflate`: raw deflate, e.g. GazetteCore's zlib), so this
/// target stays free of dependencies; without it entries are stored.
public enum OOXMLPackage {
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// One entry; `declaredSize` overrides the uncompressed size written in the headers.
    public struct Entry {
        public var name: String
        public var bytes: [UInt8]
        public var declaredSize: Int?
        public var encrypted = false
        public init(_ name: String, _ bytes: [UInt8], declaredSize: Int? = nil, encrypted: Bool = false) {
            self.name = name; self.bytes = bytes; self.declaredSize = declaredSize; self.encrypted = encrypted
        }
        public init(_ name: String, _ text: String) { self.init(name, Array(text.utf8)) }
    }

    /// A ZIP archive of `entries`, deflated when `deflate` is given.
    public static func zip(_ entries: [Entry], deflate: (([UInt8]) -> [UInt8])? = nil) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int, _ a: inout [UInt8]) { u16(v & 0xFFFF, &a); u16((v >> 16) & 0xFFFF, &a) }
        for e in entries {
            let data = deflate.map { $0(e.bytes) } ?? e.bytes
            let name = Array(e.name.utf8), crc = crc32(e.bytes), size = e.declaredSize ?? e.bytes.count
            let offset = out.count
            var header: [UInt8] = []
            u32(0x0403_4B50, &header); u16(20, &header); u16(e.encrypted ? 1 : 0, &header); u16(deflate == nil ? 0 : 8, &header)
            u32(0, &header); u32(Int(crc), &header); u32(data.count, &header); u32(size, &header); u16(name.count, &header); u16(0, &header)
            out += header + name + data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(e.encrypted ? 1 : 0, &central)
            u16(deflate == nil ? 0 : 8, &central); u32(0, &central); u32(Int(crc), &central); u32(data.count, &central); u32(size, &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central)
            u32(offset, &central)
            central += name
        }
        let start = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(start, &out); u16(0, &out)
        return out
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    /// word/document.xml around `body` (paragraphs and tables as XML).
    public static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(w)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    /// A paragraph of one run; `pPr` is the inside of its w:pPr.
    public static func p(_ text: String, pPr: String = "") -> String {
        let t = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + (t.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(t)</w:t></w:r>") + "</w:p>"
    }

    /// A numbered paragraph (`w:numPr`).
    public static func p(_ text: String, num: Int, level: Int = 0, style: String? = nil) -> String {
        p(text, pPr: (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr>")
    }

    /// A table; each row's cells are the inside of their w:tc (use `p` for plain text; a cell
    /// given as "" is one empty paragraph).
    public static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr/>" + rows.map { row in
            "<w:tr>" + row.map { "<w:tc>\($0.isEmpty ? "<w:p/>" : $0)</w:tc>" }.joined() + "</w:tr>"
        }.joined() + "</w:tbl>"
    }

    /// A DOCX: the main document, and the other parts by name (word/numbering.xml, word/styles.xml,
    /// docProps/core.xml, word/header1.xml …), with the package and document relationships.
    public static func docx(_ document: String, parts: [String: String] = [:], deflate: (([UInt8]) -> [UInt8])? = nil) -> [UInt8] {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var docRels = ""
        for (k, name) in parts.keys.sorted().enumerated() where name.hasPrefix("word/") {
            let file = String(name.dropFirst(5)), type = String(file.prefix(while: { $0.isLetter }))
            docRels += "<Relationship Id=\"rId\(k + 1)\" Type=\"\(rel)\(type)\" Target=\"\(file)\"/>"
        }
        var entries = [
            Entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            Entry("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                  "<Relationship Id=\"rId1\" Type=\"\(rel)officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            Entry("word/_rels/document.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(docRels)</Relationships>"),
            Entry("word/document.xml", document),
        ]
        entries += parts.keys.sorted().map { Entry($0, parts[$0]!) }
        return zip(entries, deflate: deflate)
    }
}
