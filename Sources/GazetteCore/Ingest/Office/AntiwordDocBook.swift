import Foundation
import CLibXML2

/// The text of antiword's DocBook output (`antiword -x db`): one paragraph a line, a table
/// row one line of TAB-separated cells. Footnotes, the book info (a made-up date) and empty
/// paragraphs are dropped; a table used for page layout (a cell with three or more
/// paragraphs, a nested table or over 300 Chinese characters, as HTML pages saved as Word
/// have) gives its cells' paragraphs as lines of their own, like the HTML extractor does.
enum AntiwordDocBook {
    /// Elements whose text is not the body's.
    static let skipped: Set<String> = ["footnote", "bookinfo", "remark", "indexterm"]
    /// Elements that end the line before them and after them.
    static let blocks: Set<String> = ["para", "title", "simpara", "listitem", "itemizedlist", "orderedlist",
                                      "chapter", "section", "sect1", "sect2", "sect3", "book", "informaltable", "tgroup", "tbody"]

    /// The lines of `xml`; nil when libxml2 cannot read it.
    static func lines(_ xml: [UInt8]) -> [String]? {
        _ = HTMLExtractor.parserReady
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        guard !xml.isEmpty, let doc = xml.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlReadMemory($0, Int32(buf.count), "antiword.xml", "UTF-8", options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        var out: [String] = []
        var line = ""
        render(root, into: &out, line: &line, depth: 0)
        flush(&line, into: &out)
        return out
    }

    static func name(_ n: xmlNodePtr) -> String {
        guard let p = n.pointee.name else { return "" }
        return String(cString: p)
    }

    static func children(_ n: xmlNodePtr) -> [xmlNodePtr] {
        var kids: [xmlNodePtr] = []
        var c = n.pointee.children
        while let k = c { kids.append(k); c = k.pointee.next }
        return kids
    }

    /// Ends the current line: its text lines (antiword keeps a paragraph's manual line breaks), trimmed, if any.
    static func flush(_ line: inout String, into out: inout [String]) {
        for part in line.split(separator: "\n", omittingEmptySubsequences: true) {
            let t = part.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { out.append(t) }
        }
        line = ""
    }

    static func render(_ n: xmlNodePtr, into out: inout [String], line: inout String, depth: Int) {
        guard depth < 200 else { return }
        for k in children(n) {
            switch k.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = k.pointee.content { line += String(cString: c) }
            case XML_ELEMENT_NODE:
                let tag = name(k)
                if skipped.contains(tag) { continue }
                if tag == "row" { flush(&line, into: &out); renderRow(k, into: &out, depth: depth + 1); continue }
                let block = blocks.contains(tag)
                if block { flush(&line, into: &out) }
                render(k, into: &out, line: &line, depth: depth + 1)
                if block { flush(&line, into: &out) }
            default:
                continue
            }
        }
    }

    /// A table row: one line of TAB-separated cells, or the cells' lines when the row lays out a page.
    static func renderRow(_ row: xmlNodePtr, into out: inout [String], depth: Int) {
        let entries = children(row).filter { $0.pointee.type == XML_ELEMENT_NODE && name($0) == "entry" }
        var cells: [[String]] = []
        var layout = false
        for e in entries {
            var lines: [String] = []
            var line = ""
            render(e, into: &lines, line: &line, depth: depth + 1)
            flush(&line, into: &lines)
            let cjk = lines.reduce(0) { $0 + $1.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count }
            if lines.count >= 3 || cjk > 300 || containsTable(e) { layout = true }
            cells.append(lines)
        }
        if layout {
            out += cells.flatMap { $0 }
        } else if cells.contains(where: { !$0.isEmpty }) {
            out.append(cells.map { $0.joined(separator: " ") }.joined(separator: "\t"))
        }
    }

    static func containsTable(_ n: xmlNodePtr) -> Bool {
        var stack = children(n)
        while let k = stack.popLast() {
            if k.pointee.type == XML_ELEMENT_NODE && (name(k) == "informaltable" || name(k) == "row") { return true }
            stack += children(k)
        }
        return false
    }
}
