import GazetteModel

/// A document in which every field, at every depth, holds a value of its own: every
/// optional set, every list and map non-empty, every string a distinct «name» (none inside
/// another), every number distinct and non-zero, every code distinct. A format that drops or
/// swaps a field then shows it. `FieldMirror.fillProblems` checks all of that, so a property
/// added to the model and left out here fails the test.
enum FilledDocument {
    static var document: Document {
        var d = Document(
            id: "«id»", title: "«title»", planTitle: "«plan_title»", docType: .notice, region: "«region»", year: 2031,
            issuer: "«issuer»", docNumber: "«doc_number»", issueDate: "«issue_date»", publicationDate: "«publication_date»",
            addressees: ["«addressee.1»", "«addressee.2»"], contact: ["«contact»"], disclosure: "«disclosure»",
            source: Source(path: "«source.path»", sha256: "«source.sha256»", format: "«source.format»", encoding: "«source.encoding»",
                           script: "«source.script»", variant: "«source.variant»", conversion: "«source.conversion»", bytes: 40961, choices: 40963),
            duplicates: [DuplicateCopy(path: "«dup1.path»", sha256: "«dup1.sha256»", similarity: 0.831),
                         DuplicateCopy(path: "«dup2.path»", sha256: "«dup2.sha256»", similarity: 0.764)],
            text: "«text»", preamble: "«preamble»", closing: "«closing»",
            clauses: [clause(1, roles: [.lead, .cooperating], numbers: (3, 5), scores: (0.642, 0.577, 0.913)),
                      clause(2, roles: [.responsible, .eachResponsible], numbers: (4, 6), scores: (0.458, 0.389, 0.871))],
            appendices: [Appendix(kind: .interpretation, title: "«appendix.title»", text: "«appendix.text»",
                                  qa: [.init(question: "«qa.question»", answer: "«qa.answer»")])],
            removed: [RemovedLine(rule: "«removed.rule»", text: "«removed.text»")])
        d.schemaVersion = 2
        // Keys as the fast JSON writer takes them ([a-z_]); values distinct.
        d.metadataSources = ["title": "«sources.title»", "issuer": "«sources.issuer»"]
        d.quality = DocumentQuality(layout: "«quality.layout»", clauseCoverage: 0.917, warnings: ["«quality.warning»"])
        d.topics = ["«doc.topic.1»", "«doc.topic.2»"]
        d.issuerUnits = [UnitMention(name: "«issuer_unit.name»", canonical: "«issuer_unit.canonical»", role: .issuer,
                                     successor: "«issuer_unit.successor»", kind: "«issuer_unit.kind»")]
        d.place = Place(status: .ambiguous, level: .zone, code: "«place.code»", path: ["«place.path.1»", "«place.path.2»"],
                        pathCodes: ["«place.path_codes.1»", "«place.path_codes.2»"], zone: "«place.zone»",
                        candidates: ["«place.candidate.1»", "«place.candidate.2»"], via: "«place.via»")
        d.subject = DocumentSubject(code: "«subject.code»", name: "«subject.name»", source: .predicted, raw: "«subject.raw»",
                                    score: 0.613, evidence: ["«subject.evidence.1»", "«subject.evidence.2»"])
        return d
    }

    /// Clause `n`, with two units, one similar clause and two scores.
    static func clause(_ n: Int, roles: [UnitMention.Role], numbers: (Int, Int), scores: (Double, Double, Double)) -> Clause {
        let c = "c\(n)"
        return Clause(
            id: "«\(c).id»", parent: "«\(c).parent»", level: numbers.0, label: "«\(c).label»", number: numbers.1,
            heading: "«\(c).heading»", text: "«\(c).text»", original: "«\(c).original»", area: "«\(c).area»",
            topics: ["«\(c).topic.1»", "«\(c).topic.2»"], evidence: ["«\(c).evidence.1»", "«\(c).evidence.2»"],
            units: roles.enumerated().map { k, role in
                UnitMention(name: "«\(c).unit\(k).name»", canonical: "«\(c).unit\(k).canonical»", role: role,
                            successor: "«\(c).unit\(k).successor»", kind: "«\(c).unit\(k).kind»")
            },
            deadlines: ["«\(c).deadline»"], targets: ["«\(c).target»"],
            similar: [SimilarClause(doc: "«\(c).similar.doc»", clause: "«\(c).similar.clause»", score: scores.0)],
            scores: ["area.general": scores.1, "topic.economy": scores.2])
    }
}
