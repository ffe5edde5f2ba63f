import GazetteModel

/// The editor's view of a structured document (`Document.quality`): which layout was
/// recovered, how much of the body the clause tree covers, and what looks wrong.
///
/// Warnings (stable codes, listed in the manifest and on the site's quality page):
/// - `numbering-without-tree`: two or more body lines start with a clause label, yet no clause was built;
/// - `title-not-found`: no title, or a title that reads like a sentence (a full stop, over 80 characters);
/// - `low-clause-coverage`: a clause tree that holds under half of the body's text;
/// - `page-table-disagrees:<field>`: the page's metadata table and the document's own lines
///   name a different document number or issue date.
enum QualityCheck {
    static func assess(_ d: Document, lines: [String], body: Range<Int>, layout: LaidOutText, metadata: MetadataExtractor.Metadata) -> DocumentQuality {
        let inClauses = d.clauses.reduce(0) { $0 + SimpleText.count($1.text) }
        let outside = SimpleText.count(d.preamble) + SimpleText.count(d.closing)
        let coverage = inClauses + outside == 0 ? 0 : (Double(inClauses) / Double(inClauses + outside) * 1000).rounded() / 1000
        var warnings: [String] = []
        if d.clauses.isEmpty, body.filter({ ClauseLabel.recognize(lines[$0]) != nil }).count >= 2 {
            warnings.append("numbering-without-tree")
        }
        if d.title.isEmpty || d.title.contains("。") || SimpleText.count(d.title) > 80 { warnings.append("title-not-found") }
        if !d.clauses.isEmpty, coverage < 0.5 { warnings.append("low-clause-coverage") }
        if d.metadataSources["doc_number"] == "page-table", let page = d.docNumber.map(Self.squeezed),
           let own = metadata.ownDocNumber.map(Self.squeezed), page != own {
            warnings.append("page-table-disagrees:doc_number")
        }
        if d.metadataSources["issue_date"] == "page-table", let page = d.issueDate, let own = metadata.ownIssueDate, page != own {
            warnings.append("page-table-disagrees:issue_date")
        }
        return DocumentQuality(layout: layout.families.isEmpty ? "lines" : layout.families.joined(separator: "+"),
                               clauseCoverage: coverage, warnings: warnings)
    }

    /// Without spaces and with 〔〕 for every kind of year bracket, for comparing document numbers.
    static func squeezed(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace }.map { "[［(（【".contains($0) ? "〔" : "]］)）】".contains($0) ? "〕" : $0 })
    }
}
