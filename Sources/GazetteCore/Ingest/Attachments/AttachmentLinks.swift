import Foundation

/// Which corpus files are attachments of which page: on government portals the document
/// itself is often the attachment (`附件：2023年政务公开工作要点.docx`) of a short page that
/// carries its metadata. A page (HTML) and the office files it links to — by `href`, or
/// lying in its folder under its name stem — are one document; a lone attachment is a
/// document of its own.
public enum AttachmentLinks {
    /// File name endings of attachments: the office formats.
    static let attachmentExtensions = ["docx", "pdf", "ofd", "doc", "wps"]
    static let pageExtensions = ["html", "htm", "html.gz", "htm.gz"]

    /// For each page (by file index) the indices of its attachments, in link order. An
    /// attachment linked from several pages goes to the first of them in path order.
    /// `readPage` gives a page's bytes (only pages with an office file in reach are read).
    public static func units(_ files: [CorpusFile], readPage: (CorpusFile) -> [UInt8]?) -> [Int: [Int]] {
        var attachmentsByFolder: [String: [Int]] = [:]
        for (i, f) in files.enumerated() where f.problem == nil && hasExtension(f.path, attachmentExtensions) {
            attachmentsByFolder[folder(f.path), default: []].append(i)
        }
        if attachmentsByFolder.isEmpty { return [:] }
        let byPath = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        var taken = Set<Int>()
        var units: [Int: [Int]] = [:]
        for (p, page) in files.enumerated() where page.problem == nil && hasExtension(page.path, pageExtensions) {
            let dir = folder(page.path)
            let nearby = attachmentsByFolder[dir] ?? []
            var linked: [Int] = []
            // Links first (their order is the page's), then files named after the page.
            if let bytes = readPage(page) {
                for href in hrefs(in: bytes) {
                    guard let target = resolve(href, from: dir, byPath: byPath, nearby: nearby, files: files),
                          !linked.contains(target) else { continue }
                    linked.append(target)
                }
            }
            let stem = nameStem(page.path)
            for a in nearby where !linked.contains(a) && sharesStem(nameStem(files[a].path), stem) { linked.append(a) }
            linked.removeAll { taken.contains($0) }
            if linked.isEmpty { continue }
            taken.formUnion(linked)
            units[p] = linked
        }
        return units
    }

    /// `href` values of `<a>`/`<link>`-like attributes naming an office file, as written.
    static func hrefs(in bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes.prefix(4 << 20), as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: #"(?i)href\s*=\s*["']([^"'<>]{1,600})["']"#)
        var out: [String] = []
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let r = Range(m.range(at: 1), in: text) else { continue }
            let raw = String(text[r]).replacingOccurrences(of: "&amp;", with: "&")
            let path = raw.split(separator: "?", maxSplits: 1).first.map(String.init) ?? raw
            let decoded = path.removingPercentEncoding ?? path
            if hasExtension(decoded, attachmentExtensions) { out.append(decoded) }
        }
        return out
    }

    /// The corpus file an href names: a relative path from the page's folder, or — for an
    /// absolute URL or a path the crawler did not keep — a file of that name beside the page.
    static func resolve(_ href: String, from dir: String, byPath: [String: Int], nearby: [Int], files: [CorpusFile]) -> Int? {
        if !href.contains("://") && !href.hasPrefix("/") {
            var parts = dir.split(separator: "/").map(String.init)
            for c in href.split(separator: "/") {
                if c == "." { continue }
                if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
                parts.append(String(c))
            }
            if let i = byPath[parts.joined(separator: "/")], nearby.contains(i) || hasExtension(files[i].path, attachmentExtensions) {
                return i
            }
        }
        let name = (href as NSString).lastPathComponent
        return nearby.first { (files[$0].path as NSString).lastPathComponent == name }
    }

    /// An attachment named after its page: the same stem, or the stem and a separator
    /// before more (`plan.html` → `plan.pdf`, `plan_附件1.docx`, `plan-1.doc`).
    static func sharesStem(_ attachment: String, _ page: String) -> Bool {
        guard !page.isEmpty else { return false }
        if attachment == page { return true }
        guard attachment.hasPrefix(page), let next = attachment.dropFirst(page.count).first else { return false }
        return "_-. （(".contains(next)
    }

    static func folder(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    static func nameStem(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for ext in [".gz", ".html", ".htm", ".docx", ".pdf", ".ofd", ".doc", ".wps"] where name.lowercased().hasSuffix(ext) {
            name = String(name.dropLast(ext.count))
        }
        return name
    }

    static func hasExtension(_ path: String, _ exts: [String]) -> Bool {
        let lower = path.lowercased()
        return exts.contains { lower.hasSuffix("." + $0) }
    }
}
