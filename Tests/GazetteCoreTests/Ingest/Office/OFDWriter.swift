import CGazetteZlib
import Foundation

/// A small OFD writer for the tests, after GB/T 33190's structure: `OFD.xml` → `DocRoot`
/// `Doc_0/Document.xml` → `Pages/Page@BaseLoc` → `Doc_0/Pages/Page_N/Content.xml`, whose
/// layer holds one `TextObject` per run of text (millimetres, `DeltaX` per character), and
/// an optional template page (a running header) every page refers to.
struct OFDWriter {
    /// A run of text with its baseline's left end at (x, y), in millimetres.
    struct Run {
        var text: String
        var x: Double
        var y: Double
        var size = 5.6   // 16 pt
        var red = false
    }

    var pages: [[Run]]
    var template: [Run] = []

    static let ns = #"xmlns:ofd="http://www.ofdspec.org/2016""#

    func files() -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        let ofd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:OFD \(Self.ns) Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID>\
        <ofd:Title>测试文档</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>
        """
        files.append(("OFD.xml", Array(ofd.utf8)))
        let refs = pages.indices.map { #"<ofd:Page ID="\#(10 + $0)" BaseLoc="Pages/Page_\#($0)/Content.xml"/>"# }.joined()
        let tpl = template.isEmpty ? "" : #"<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>"#
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:Document \(Self.ns)><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea>\
        <ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\(tpl)</ofd:CommonData><ofd:Pages>\(refs)</ofd:Pages></ofd:Document>
        """
        files.append(("Doc_0/Document.xml", Array(document.utf8)))
        if !template.isEmpty { files.append(("Doc_0/Tpls/Tpl_0/Content.xml", Array(Self.page(template, template: false).utf8))) }
        for (k, runs) in pages.enumerated() {
            files.append(("Doc_0/Pages/Page_\(k)/Content.xml", Array(Self.page(runs, template: !template.isEmpty).utf8)))
        }
        return files
    }

    func package() -> [UInt8] { Self.zip(files()) }

    static func page(_ runs: [Run], template: Bool) -> String {
        let objects = runs.enumerated().map { k, r in textObject(r, id: 100 + k) }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:Page \(ns)>\(template ? #"<ofd:Template TemplateID="2" ZOrder="Background"/>"# : "")\
        <ofd:Content><ofd:Layer ID="3">\(objects)</ofd:Layer></ofd:Content></ofd:Page>
        """
    }

    static func textObject(_ r: Run, id: Int) -> String {
        let advances = r.text.unicodeScalars.map { $0.isASCII ? r.size / 2 : r.size }
        let width = advances.reduce(0, +)
        let deltas = advances.dropLast().map { String(format: "%.3f", $0) }.joined(separator: " ")
        let colour = r.red ? #"<ofd:FillColor Value="255 0 0"/>"# : ""
        let escaped = r.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return #"<ofd:TextObject ID="\#(id)" Boundary="\#(r.x) \#(r.y - r.size) \#(width + 1) \#(r.size * 1.3)" Font="5" Size="\#(r.size)">"#
            + colour + #"<ofd:TextCode X="0" Y="\#(r.size)" DeltaX="\#(deltas)">\#(escaped)</ofd:TextCode></ofd:TextObject>"#
    }

    /// A ZIP archive of `entries`, each deflated (or stored); `declared` overrides the
    /// uncompressed sizes written in the headers (a lying archive).
    static func zip(_ entries: [(String, [UInt8])], stored: Bool = false, declared: Int? = nil) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int, _ b: inout [UInt8]) { b += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int, _ b: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { b.append(UInt8((v >> s) & 0xFF)) } }
        for (name, data) in entries {
            let body = stored ? data : deflate(data)
            let crc = data.withUnsafeBufferPointer { Int(crc32_z(0, $0.baseAddress, $0.count)) }
            let offset = out.count, nameBytes = Array(name.utf8)
            var header: [UInt8] = []
            u32(0x0403_4B50, &header); u16(20, &header); u16(0, &header); u16(stored ? 0 : 8, &header)
            u16(0, &header); u16(0, &header); u32(crc, &header); u32(body.count, &header); u32(declared ?? data.count, &header)
            u16(nameBytes.count, &header); u16(0, &header)
            out += header + nameBytes + body
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(stored ? 0 : 8, &central)
            u16(0, &central); u16(0, &central); u32(crc, &central); u32(body.count, &central); u32(declared ?? data.count, &central)
            u16(nameBytes.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += nameBytes
        }
        let start = out.count
        out += central
        var end: [UInt8] = []
        u32(0x0605_4B50, &end); u16(0, &end); u16(0, &end); u16(entries.count, &end); u16(entries.count, &end)
        u32(central.count, &end); u32(start, &end); u16(0, &end)
        return out + end
    }

    /// Raw deflate (no zlib header), as ZIP stores it.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        var input = data
        input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress; stream.avail_in = uInt(i.count)
                stream.next_out = o.baseAddress; stream.avail_out = uInt(o.count)
                _ = CGazetteZlib.deflate(&stream, Z_FINISH)
            }
        }
        return Array(out.prefix(Int(stream.total_out)))
    }
}
