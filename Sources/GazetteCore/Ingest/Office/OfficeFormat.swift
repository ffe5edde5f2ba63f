import Foundation

/// The file formats that are not text: office containers and fixed-layout documents.
/// Told apart by their content first (magic bytes, the container's entries), their name
/// second, so a misnamed file is read as what it is.
public enum OfficeFormat: String, Sendable, CaseIterable {
    /// Office Open XML word-processing document (a ZIP holding word/document.xml).
    case docx
    /// PDF with a text layer.
    case pdf
    /// GB/T 33190 fixed-layout document (a ZIP holding OFD.xml).
    case ofd
    /// Word 97–2003 binary document (an OLE2 compound file).
    case doc
    /// Kingsoft WPS Writer document (an OLE2 compound file named .wps).
    case wps

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The office format of `bytes` (named `path`), or nil for text, HTML and anything else.
    public static func detect(_ bytes: [UInt8], path: String) -> OfficeFormat? {
        let lower = path.lowercased()
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: oleMagic) {
            // A password-protected DOCX is an OLE2 file too; its reader says so (docx-encrypted).
            if hasEncryptedPackage(bytes) { return .docx }
            return lower.hasSuffix(".wps") ? .wps : .doc
        }
        if bytes.starts(with: zipMagic) {
            // The container's entry names sit in its local headers near the start; the name decides when both could be.
            if lower.hasSuffix(".ofd") { return .ofd }
            if lower.hasSuffix(".docx") { return .docx }
            let head = bytes.prefix(1 << 16)
            if contains(head, "word/") { return .docx }
            if contains(head, "OFD.xml") { return .ofd }
            return nil
        }
        return nil
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard haystack.count >= n.count else { return false }
        var i = haystack.startIndex
        while i <= haystack.endIndex - n.count {
            if haystack[i] == n[0] && haystack[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }
}

/// What a reader of an office format extracts: the body text one paragraph a line (table
/// rows as TAB-separated cells, list labels the reader sees written out), and what the
/// file's own properties say.
public struct OfficeText: Sendable {
    public var text: String
    /// How the file stored its text, for `source.encoding` (XML formats: utf-8).
    public var encoding = "utf-8"
    /// Properties of the file (title, author …), by their names in the format.
    public var properties: [String: String] = [:]
    /// The document's title from its properties, when it is a real one.
    public var title: String? = nil
    public init(text: String, properties: [String: String] = [:], title: String? = nil) {
        self.text = text; self.properties = properties; self.title = title
    }
}

/// Reads one office format. Throws `RejectReason` for a file that cannot be used
/// (damaged, encrypted, no text layer, over the limits), never crashes on hostile input.
public protocol OfficeReader: Sendable {
    func read(_ bytes: [UInt8], limits: IngestSettings) throws -> OfficeText
}

extension OfficeFormat {
    /// The reader for this format.
    var reader: OfficeReader? {
        switch self {
        case .doc, .wps: return LegacyWordReader(format: self)
        case .docx: return DOCXReader()
        case .pdf: return PDFReader()
        case .ofd: return OFDReader()
        }
    }
}
