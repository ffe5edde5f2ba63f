import Foundation

/// One document's inputs, read: the page (nil for a lone file) and its attachments in
/// link order, each with its file path.
public struct IngestedUnit: Sendable {
    public var page: IngestedText?
    public var attachments: [IngestedText]
    public init(page: IngestedText?, attachments: [IngestedText]) { self.page = page; self.attachments = attachments }
}

/// What a page and its attachments become: the text the stages read (the page's metadata
/// and lines, then the body of the main attachment) and the other attachments, appended
/// to the document as appendices of kind `attachment`.
public struct AssembledUnit: Sendable {
    public var body: IngestedText
    public var appendices: [(title: String, text: IngestedText)]
    /// Each attachment's path and what became of it: "body", "appendix" or "same text as the page".
    public var roles: [(path: String, role: String)]
}

public enum AttachmentAssembler {
    /// Share of an attachment's sampled passages the page must hold for the page to be
    /// taken as the full text itself (portals often show the text and offer the file too).
    static let containedShare = 0.6

    /// Builds one document from a page and its attachments. The main attachment is the first
    /// one with Chinese text; when the page already holds its text, the page is the body.
    public static func assemble(_ unit: IngestedUnit) -> AssembledUnit? {
        let usable = unit.attachments.filter { hasChineseText($0.text) }
        guard let page = unit.page else {
            guard let main = usable.first else { return nil }
            return AssembledUnit(body: main, appendices: appendices(usable.dropFirst()),
                                 roles: [(main.path, "body")] + usable.dropFirst().map { ($0.path, "appendix") })
        }
        guard let main = usable.first else { return AssembledUnit(body: page, appendices: [], roles: []) }
        var body = page
        var roles: [(String, String)] = []
        if contains(page.text, main.text) {
            roles.append((main.path, "same text as the page"))
        } else {
            body.text = page.text + "\n" + main.text
            roles.append((main.path, "body"))
        }
        let rest = usable.dropFirst()
        roles += rest.map { ($0.path, "appendix") }
        return AssembledUnit(body: body, appendices: appendices(rest), roles: roles)
    }

    static func appendices(_ files: ArraySlice<IngestedText>) -> [(title: String, text: IngestedText)] {
        files.map { (title: AttachmentLinks.nameStem($0.path), text: $0) }
    }

    /// Whether `page` holds most of `attachment`'s text: of up to 40 passages of 8 Chinese
    /// characters spread over the attachment, at least `containedShare` occur in the page.
    static func contains(_ page: String, _ attachment: String) -> Bool {
        let a = Array(chineseOnly(attachment)), p = chineseOnly(page)
        guard a.count >= 16 else { return p.contains(String(a)) }
        let samples = min(40, a.count / 8)
        var found = 0
        for k in 0..<samples {
            let start = k * (a.count - 8) / max(1, samples - 1)
            if p.contains(String(a[start..<(start + 8)])) { found += 1 }
        }
        return Double(found) >= containedShare * Double(samples)
    }

    static func chineseOnly(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x3400 && $0.value <= 0x9FFF }))
    }

    static func hasChineseText(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
    }
}
