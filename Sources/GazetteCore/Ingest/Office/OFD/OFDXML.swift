import CLibXML2
import Foundation

/// One parsed XML part of an OFD package (libxml2's tree), read by element local names:
/// OFD's elements are in the `http://www.ofdspec.org/2016` namespace under any prefix.
/// Parsed without network access, entity expansion or recovery; libxml2 refuses nesting
/// past 256 levels, which is reported as `ofd-too-deep`.
final class OFDXML {
    let doc: xmlDocPtr
    let root: xmlNodePtr

    init(_ bytes: [UInt8], part: String) throws {
        _ = HTMLExtractor.parserReady
        xmlResetLastError()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                xmlReadMemory($0, Int32(clamping: buf.count), part, nil, options)
            }
        }
        guard let doc = parsed else {
            let message = xmlGetLastError().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "not well-formed"
            if message.contains("depth") || message.contains("Excessive") {
                throw RejectReason("ofd-too-deep", "\(part): elements nested deeper than libxml2's limit of 256 levels")
            }
            throw RejectReason("ofd-damaged", "\(part) is not well-formed XML: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        guard let root = xmlDocGetRootElement(doc) else {
            xmlFreeDoc(doc)
            throw RejectReason("ofd-damaged", "\(part) has no root element")
        }
        self.doc = doc
        self.root = root
    }

    deinit { xmlFreeDoc(doc) }

    static func name(_ n: xmlNodePtr) -> String {
        n.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Element children of `n` called `local`.
    static func children(_ n: xmlNodePtr, _ local: String) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = n.pointee.children
        while let k = c {
            if k.pointee.type == XML_ELEMENT_NODE && name(k) == local { out.append(k) }
            c = k.pointee.next
        }
        return out
    }

    /// Element children of `n`, all of them.
    static func elements(_ n: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = n.pointee.children
        while let k = c {
            if k.pointee.type == XML_ELEMENT_NODE { out.append(k) }
            c = k.pointee.next
        }
        return out
    }

    /// The first element at the end of a path of local names below `n`.
    static func find(_ n: xmlNodePtr, _ path: [String]) -> xmlNodePtr? {
        var node = n
        for step in path {
            guard let next = children(node, step).first else { return nil }
            node = next
        }
        return node
    }

    static func attribute(_ n: xmlNodePtr, _ key: String) -> String? {
        guard let v = xmlGetProp(n, key) else { return nil }
        defer { xmlFree(v) }
        return String(cString: v)
    }

    static func text(_ n: xmlNodePtr) -> String {
        guard let v = xmlNodeGetContent(n) else { return "" }
        defer { xmlFree(v) }
        return String(cString: v)
    }

    /// A list of numbers (`"0 0 210 297"`); nil when a token is not a number.
    static func numbers(_ s: String?) -> [Double]? {
        guard let s else { return nil }
        var out: [Double] = []
        for t in s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," }) {
            guard let v = Double(t), v.isFinite else { return nil }
            out.append(v)
        }
        return out
    }
}
