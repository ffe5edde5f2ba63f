/// Reads a Word document (OOXML `.docx`): the main document part found through the
/// package's relationships, its automatic numbering (`DOCXNumbering`), body (`DOCXBody`)
/// and tables (`DOCXLines`), and the title and author of `docProps/core.xml`. Headers,
/// footers, footnotes, endnotes and comments live in parts of their own and are not read.
///
/// Rejections: `docx-damaged` (not a ZIP, damaged entries, no main document, XML that is
/// not well-formed or declares a DTD), `docx-too-large` (the parts inflate past
/// `max_inflated_bytes`, or declare an impossible compression ratio: a zip bomb),
/// `docx-too-deep` (XML nested past libxml2's 256 levels), `docx-encrypted` (a password-
/// protected document: an OLE2 file holding an EncryptedPackage, or encrypted ZIP entries).
/// A document without text is `blank` (the ingester's check).
public struct DOCXReader: OfficeReader {
    public init() {}

    public func read(_ bytes: [UInt8], limits: IngestSettings) throws -> OfficeText {
        if bytes.starts(with: OfficeFormat.oleMagic) {
            if OfficeFormat.hasEncryptedPackage(bytes) {
                throw RejectReason("docx-encrypted", "a password-protected Word document (OLE2 file holding an EncryptedPackage); no password is tried")
            }
            throw RejectReason("docx-damaged", "an OLE2 compound file, not an Office Open XML package")
        }
        let zip: OfficeZip
        do { zip = try OfficeZip(bytes) } catch { throw Self.reason(error) }
        var budget = limits.maxInflatedBytes
        do {
            let main = try mainDocument(zip, budget: &budget)
            let rels = try relationships(zip, of: main, budget: &budget)
            var numbering = DOCXNumbering()
            if let part = rels["styles"] ?? existing(zip, "word/styles.xml"), let xml = try zip.read(part, budget: &budget) {
                try numbering.readStyles(XMLPull(xml, part: part))
            }
            if let part = rels["numbering"] ?? existing(zip, "word/numbering.xml"), let xml = try zip.read(part, budget: &budget) {
                try numbering.readNumbering(XMLPull(xml, part: part))
            }
            guard let xml = try zip.read(main, budget: &budget) else { throw RejectReason("docx-damaged", "no main document part") }
            let blocks = try DOCXBody.read(XMLPull(xml, part: main), numbering: numbering)
            var out = OfficeText(text: DOCXLines.render(blocks).joined(separator: "\n"))
            out.properties = coreProperties(zip, budget: &budget)
            out.title = out.properties["title"].flatMap(Self.realTitle)
            return out
        } catch let e as OfficeZip.Failure {
            throw Self.reason(e)
        } catch let e as XMLPull.Failure {
            switch e {
            case .malformed(let m): throw RejectReason("docx-damaged", m)
            case .tooDeep(let m): throw RejectReason("docx-too-deep", m)
            }
        }
    }

    static func reason(_ e: Error) -> RejectReason {
        switch e as? OfficeZip.Failure {
        case .damaged(let m)?: return RejectReason("docx-damaged", m)
        case .encrypted(let m)?: return RejectReason("docx-encrypted", m)
        case .tooLarge(let m)?: return RejectReason("docx-too-large", m)
        case nil: return RejectReason("docx-damaged", "\(e)")
        }
    }

    func existing(_ zip: OfficeZip, _ name: String) -> String? { zip.entry(name) == nil ? nil : name }

    /// The officeDocument target of `_rels/.rels`, else word/document.xml.
    func mainDocument(_ zip: OfficeZip, budget: inout Int) throws -> String {
        let root = try targets(zip, rels: "_rels/.rels", source: "", budget: &budget)
        if let main = root["officeDocument"], zip.entry(main) != nil { return main }
        if zip.entry("word/document.xml") != nil { return "word/document.xml" }
        throw RejectReason("docx-damaged", "no main document part (word/document.xml) in the package")
    }

    /// The styles and numbering parts the main document names.
    func relationships(_ zip: OfficeZip, of main: String, budget: inout Int) throws -> [String: String] {
        let slash = main.lastIndex(of: "/")
        let folder = slash.map { String(main[...$0]) } ?? ""
        let file = slash.map { String(main[main.index(after: $0)...]) } ?? main
        return try targets(zip, rels: folder + "_rels/" + file + ".rels", source: folder, budget: &budget)
    }

    /// Relationship targets by the last word of their type (officeDocument, styles, numbering …),
    /// resolved against `source`'s folder. A relationships part that is missing or unreadable
    /// leaves the conventional part names to be tried.
    func targets(_ zip: OfficeZip, rels: String, source: String, budget: inout Int) throws -> [String: String] {
        guard let xml = try zip.read(rels, budget: &budget) else { return [:] }
        var out: [String: String] = [:]
        do {
            let pull = try XMLPull(xml, part: rels)
            while try pull.next() {
                guard pull.kind == .start, pull.name == "Relationship", pull.attribute("TargetMode") != "External",
                      let type = pull.attribute("Type"), let target = pull.attribute("Target") else { continue }
                let kind = String(type.split(separator: "/").last ?? "")
                if out[kind] == nil { out[kind] = Self.resolve(target, from: source) }
            }
        } catch {
            if case .tooDeep(let m) = error { throw RejectReason("docx-too-deep", m) }
        }
        return out
    }

    /// A relationship target as a part name: absolute (/word/x.xml) or relative to `folder`,
    /// with . and .. segments resolved inside the package (never above its root).
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? target : folder + target
        var parts: [Substring] = []
        for seg in joined.split(separator: "/") {
            if seg == "." { continue }
            if seg == ".." { _ = parts.popLast(); continue }
            parts.append(seg)
        }
        return parts.joined(separator: "/")
    }

    /// title, creator, created and modified from docProps/core.xml, when present and readable.
    func coreProperties(_ zip: OfficeZip, budget: inout Int) -> [String: String] {
        guard let xml = try? zip.read("docProps/core.xml", budget: &budget), let pull = try? XMLPull(xml, part: "docProps/core.xml") else { return [:] }
        var out: [String: String] = [:]
        var current: String? = nil, value = ""
        while (try? pull.next()) == true {
            switch pull.kind {
            case .start:
                current = pull.depth == 1 && ["title", "creator", "created", "modified"].contains(pull.name) ? pull.name : nil
                value = ""
            case .text: if current != nil, value.utf8.count < 4096 { value += pull.text }
            case .end:
                if let c = current, case let v = DOCXBody.tidy(Substring(value)), !v.isEmpty { out[c] = v }
                current = nil
            }
        }
        return out
    }

    /// A title property worth taking: not empty, not a file name or a word processor's
    /// placeholder ("Microsoft Word - 通知.doc", "新建 Microsoft Word 文档", "Document1"), not mojibake.
    static func realTitle(_ raw: String) -> String? {
        let t = raw.wsTrimmed
        let lower = t.lowercased()
        guard !t.isEmpty, t.count <= 200, !lower.hasPrefix("microsoft word"), !lower.contains("microsoft"), !lower.hasPrefix("wps"),
              ![".doc", ".docx", ".wps", ".dot", ".dotx", ".rtf", ".pdf", ".txt", ".htm", ".html"].contains(where: { lower.hasSuffix($0) })
        else { return nil }
        let scalars = t.unicodeScalars
        // Mojibake: Latin-1 letters from a wrong decoding, replacement or private-use characters, 锟斤拷.
        if scalars.contains(where: { ($0.value >= 0x80 && $0.value <= 0x2FF) || $0.value == 0xFFFD || (0xE000...0xF8FF).contains($0.value) })
            || t.contains("锟斤拷") { return nil }
        let cjk = scalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count
        guard cjk >= 4, ChineseTextScore.score(t) >= 0.3 else { return nil }
        if ["文档", "新建文档", "未命名", "无标题", "标题", "模板"].contains(where: { t.hasPrefix($0) && t.count <= $0.count + 3 }) { return nil }
        return t
    }
}

extension OfficeFormat {
    /// An OLE2 compound file whose directory names an "EncryptedPackage" stream: a password-
    /// protected OOXML document (MS-OFFCRYPTO), whatever its name says. Directory entries are
    /// 128-byte records in 512- or 4096-byte sectors after the header: the name (UTF-16LE) at
    /// the record's start and its length in bytes, with the terminating NUL, at offset 64.
    static func hasEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: oleMagic) else { return false }
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var p = 512
        while p + 128 <= bytes.count {
            if bytes[p] == 0x45, bytes[p + 64] == 34, bytes[p + 65] == 0, bytes[p..<(p + name.count)].elementsEqual(name) { return true }
            p += 128
        }
        return false
    }
}
