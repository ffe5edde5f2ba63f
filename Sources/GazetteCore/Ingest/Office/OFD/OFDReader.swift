import CLibXML2
import Foundation

/// OFD (GB/T 33190), China's fixed-layout format for electronic official documents. No
/// maintained library reads it, so this one is ours and small: the package is a ZIP
/// (`OfficeZip`, inflated under the `max_inflated_bytes` budget); `OFD.xml` names the
/// document (`DocBody/DocRoot`); its `Document.xml` lists the pages (`Pages/Page@BaseLoc`)
/// and the default page size (`CommonData/PageArea/PhysicalBox`); each page's content
/// gives text objects placed on the page (`OFDPage`), from which `FixedLayout` rebuilds
/// the paragraphs as for PDF. Template pages (running headers and footers) are not read.
///
/// Rejections: `ofd-damaged` (not a ZIP, no `OFD.xml`, a part missing or not well-formed, a
/// reference leaving the package), `ofd-encrypted` (ZIP encryption), `ofd-too-large` (over
/// the inflate budget — a zip bomb — or more than `max_pages` pages or too much text),
/// `ofd-too-deep` (XML nested past 256 levels), `no-text-layer` (only images).
struct OFDReader: OfficeReader {
    func read(_ bytes: [UInt8], limits: IngestSettings) throws -> OfficeText {
        var package = try OFDPackage(bytes, budget: limits.maxInflatedBytes)
        let ofd = try package.xml("OFD.xml")
        guard let body = OFDXML.children(ofd.root, "DocBody").first,
              let rootRef = OFDXML.find(body, ["DocRoot"]).map(OFDXML.text) else {
            throw RejectReason("ofd-damaged", "OFD.xml names no document (DocBody/DocRoot)")
        }
        var properties: [String: String] = [:]
        if let info = OFDXML.find(body, ["DocInfo"]) {
            for e in OFDXML.elements(info) where e.pointee.children?.pointee.type == XML_TEXT_NODE {
                properties[OFDXML.name(e)] = OFDXML.text(e).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        let docPath = try OFDPackage.resolve(rootRef, from: "")
        let document = try package.xml(docPath)
        let defaultBox = OFDXML.find(document.root, ["CommonData", "PageArea", "PhysicalBox"])
            .flatMap { OFDXML.numbers(OFDXML.text($0)) } ?? [0, 0, 210, 297]
        let refs = OFDXML.find(document.root, ["Pages"]).map { OFDXML.children($0, "Page") } ?? []
        if refs.count > limits.maxPages {
            throw RejectReason("ofd-too-large", "\(refs.count) pages is over the limit of \(limits.maxPages)")
        }
        var pages: [PlacedPage] = []
        var total = 0
        for ref in refs {
            guard let loc = OFDXML.attribute(ref, "BaseLoc") else { continue }
            let content = try package.xml(try OFDPackage.resolve(loc, from: docPath))
            let box = OFDXML.find(content.root, ["Area", "PhysicalBox"]).flatMap { OFDXML.numbers(OFDXML.text($0)) } ?? defaultBox
            let page = OFDPage.placed(content, box: box)
            total += page.chars.count
            if total > limits.maxInflatedBytes / 3 {
                throw RejectReason("ofd-too-large", "more than \(limits.maxInflatedBytes / 3) characters of text (max_inflated_bytes)")
            }
            pages.append(page)
        }
        guard !pages.isEmpty else { throw RejectReason("ofd-damaged", "the document lists no readable page") }
        guard pages.contains(where: { !$0.chars.isEmpty }) else {
            throw RejectReason("no-text-layer", "none of the \(pages.count) pages has text objects (a scan? OCR is not done)")
        }
        return OfficeText(text: FixedLayout().text(pages), properties: properties)
    }
}

/// The parts of an OFD package, inflated on demand within one byte budget.
struct OFDPackage {
    let zip: OfficeZip
    var budget: Int

    init(_ bytes: [UInt8], budget: Int) throws {
        do { zip = try OfficeZip(bytes) } catch { throw Self.reason(error) }
        self.budget = budget
    }

    /// The part at `path` (from the package root), parsed.
    mutating func xml(_ path: String) throws -> OFDXML {
        let data: [UInt8]?
        do { data = try zip.read(path, budget: &budget) } catch { throw Self.reason(error) }
        guard let data else { throw RejectReason("ofd-damaged", "the package has no \(path)") }
        return try OFDXML(data, part: path)
    }

    static func reason(_ f: OfficeZip.Failure) -> RejectReason {
        switch f {
        case .damaged(let m): return RejectReason("ofd-damaged", m)
        case .encrypted(let m): return RejectReason("ofd-encrypted", m)
        case .tooLarge(let m): return RejectReason("ofd-too-large", m)
        }
    }

    /// `ref` as a path from the package root: absolute (`/Doc_0/…`) or relative to the folder
    /// of the part `from`. A path that climbs out of the package is damage, not a file.
    static func resolve(_ ref: String, from: String) throws -> String {
        let r = ref.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\\", with: "/")
        var parts: [Substring] = r.hasPrefix("/") ? [] : Array(from.split(separator: "/").dropLast())
        for p in r.split(separator: "/") {
            if p == "." || p.isEmpty { continue }
            if p == ".." {
                guard !parts.isEmpty else { throw RejectReason("ofd-damaged", "\(ref) points outside the package") }
                parts.removeLast()
            } else {
                parts.append(p)
            }
        }
        return parts.joined(separator: "/")
    }
}
