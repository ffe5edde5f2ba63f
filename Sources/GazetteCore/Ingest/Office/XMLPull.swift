import CLibXML2
import Foundation

/// One XML part of an office file read as a stream of nodes (libxml2's xmlTextReader): no
/// tree of the whole part in memory, no recursion in our code or in the parser. The network,
/// external entities and DTDs are off; a document type declaration is refused outright
/// (OOXML forbids it, and it is where entity bombs live). libxml2 itself refuses elements
/// nested deeper than 256 without XML_PARSE_HUGE, which is never set; `maxDepth` is ours.
final class XMLPull {
    enum Kind { case start, end, text }

    enum Failure: Error, Equatable {
        case malformed(String)
        case tooDeep(String)
    }

    static let wordNamespaces: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                              "http://purl.oclc.org/ooxml/wordprocessingml/main"]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let maxDepth = 512

    /// The current node: a start tag, an end tag (also made up for an empty element), or text.
    private(set) var kind = Kind.start
    /// Local name of the element (start and end).
    private(set) var name = ""
    /// Namespace URI of the element.
    private(set) var namespace = ""
    /// A start tag that has no content (`<w:tab/>`): its end follows at once.
    private(set) var isEmpty = false
    /// Depth of the current node (the root element is 0).
    private(set) var depth = 0

    let part: String
    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableRawBufferPointer
    private let errors = ErrorBox()
    private var owedEnd = false
    /// The reader already stands on a node not yet reported (after `skip`).
    private var positioned = false
    private var lastNamespacePointer: UnsafePointer<xmlChar>? = nil

    final class ErrorBox { var message: String? = nil; var line = 0 }

    init(_ bytes: [UInt8], part: String) throws(Failure) {
        _ = HTMLExtractor.parserReady
        self.part = part
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.buffer = buffer
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let r = xmlReaderForMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count),
                                         part, nil, options) else {
            buffer.deallocate()
            throw .malformed("\(part): libxml2 could not start reading")
        }
        reader = r
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            if box.message == nil, let m = error.pointee.message {
                box.message = String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)
                box.line = Int(error.pointee.line)
            }
        }
        xmlTextReaderSetStructuredErrorHandler(r, handler, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// Move to the next start tag, end tag or text; false at the end of the part.
    func next() throws(Failure) -> Bool {
        if owedEnd { owedEnd = false; kind = .end; isEmpty = false; return true }
        while true {
            if positioned { positioned = false } else {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return false }
                if status < 0 { throw failure() }
            }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case 1:   // element
                load()
                isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                kind = .start
                if depth > Self.maxDepth { throw .tooDeep("\(part): elements nested deeper than \(Self.maxDepth) levels") }
                if isEmpty { owedEnd = true }
                return true
            case 15:  // end element
                load()
                kind = .end; isEmpty = false
                return true
            case 3, 4, 13, 14:   // text, CDATA, white space
                kind = .text
                depth = Int(xmlTextReaderDepth(reader))
                return true
            case 10:  // <!DOCTYPE …>
                throw .malformed("\(part): a document type declaration (not allowed in office XML)")
            default:
                continue
            }
        }
    }

    /// Skip the rest of the element whose start tag is current: the next node reported is the one after its end.
    func skip() throws(Failure) {
        guard kind == .start else { return }
        if isEmpty { owedEnd = false; return }
        let status = xmlTextReaderNext(reader)
        if status < 0 { throw failure() }
        positioned = status == 1
    }

    /// The value of the current start tag's attribute with local name `local` (any namespace).
    func attribute(_ local: String) -> String? {
        guard kind == .start, xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        var ok = xmlTextReaderMoveToFirstAttribute(reader)
        while ok == 1 {
            if let n = xmlTextReaderConstLocalName(reader), String(cString: n) == local {
                return xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            }
            ok = xmlTextReaderMoveToNextAttribute(reader)
        }
        return nil
    }

    /// The text of the current text node.
    var text: String {
        guard kind == .text, let v = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: v)
    }

    var isWord: Bool { Self.wordNamespaces.contains(namespace) }
    var isMarkupCompatibility: Bool { namespace == Self.markupCompatibility }

    private func load() {
        name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
        let ns = xmlTextReaderConstNamespaceUri(reader)
        if ns != lastNamespacePointer {
            lastNamespacePointer = ns
            namespace = ns.map { String(cString: $0) } ?? ""
        }
        depth = Int(xmlTextReaderDepth(reader))
    }

    private func failure() -> Failure {
        let m = errors.message ?? "not well-formed"
        if m.contains("depth") { return .tooDeep("\(part): \(m)") }
        return .malformed("\(part) line \(errors.line): \(m)")
    }
}
