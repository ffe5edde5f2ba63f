import Foundation

/// PDF files written by hand for the reader's hostile cases: pages of Latin text in
/// Helvetica (no font to embed), an encryption dictionary whose password is not the empty
/// one, a page with no text at all. Objects: catalog, page tree, font, then each page and
/// its content stream; the cross-reference table gives their byte offsets.
enum MiniPDF {
    static func make(pages: [[String]], encrypted: Bool = false) -> [UInt8] {
        var objects: [String] = ["<< /Type /Catalog /Pages 2 0 R >>"]
        let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (i, lines) in pages.enumerated() {
            let shown = lines.map { "(\(escape($0))) Tj 0 -14 Td" }.joined(separator: " ")
            let content = "BT /F1 12 Tf 72 600 Td \(shown) ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * i) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        if encrypted {
            let o = String(repeating: "11", count: 32), u = String(repeating: "22", count: 32)
            objects.append("<< /Filter /Standard /V 1 /R 2 /O <\(o)> /U <\(u)> /P -4 >>")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (k, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(k + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        var trailer = "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R"
        if encrypted {
            let id = "<00112233445566778899aabbccddeeff>"
            trailer += " /Encrypt \(objects.count) 0 R /ID [\(id) \(id)]"
        }
        out += trailer + " >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }
}
