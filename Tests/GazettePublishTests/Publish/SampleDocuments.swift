import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput
@testable import GazettePublish
import GazetteTestSupport

/// Small hand-made documents with a real clause tree, labels, units, similar links and
/// duplicate copies — and one carrying injected markup — so every sink can be tested
/// without the upstream stages.
enum SampleDocuments {
    static let injection = "<script>alert(1)</script> 和 \"><img src=x onerror=alert(1)>"

    static func plan(id: String, region: String, year: Int, injected: Bool = false) -> Document {
        var d = Document(id: id, title: "\(region)人民政府办公厅关于印发《\(year)年\(region)政务公开工作要点》的通知",
                         planTitle: "\(year)年\(region)政务公开工作要点", docType: .workPlan, region: region, year: year,
                         issuer: "\(region)人民政府办公厅", docNumber: "沪府办〔\(year)〕20号", issueDate: "\(year)-03-20",
                         source: Source(path: "Corpus/\(id).txt", sha256: String(repeating: "a", count: 64), format: "txt",
                                        encoding: "big5", script: "traditional", variant: "hongkong", conversion: "hk2s", bytes: 1234))
        d.preamble = "各区人民政府，市政府各委、办、局：现将《要点》印发给你们，请认真贯彻执行。"
        d.closing = "\(region)人民政府办公厅\n\(year)年3月20日"
        d.clauses = [
            Clause(id: "s1", parent: nil, level: 1, label: "一、", number: 1, heading: "推进决策公开",
                   text: "一、推进决策公开", original: "一、推進決策公開", area: "participation"),
            Clause(id: "s1.c1", parent: "s1", level: 2, label: "（一）", number: 1, heading: "落实重大行政决策公众参与程序",
                   text: "（一）落实重大行政决策公众参与程序。市发展改革委、市财政局分别负责落实重大行政决策预公开，6月30日前完成，年内不少于2次。",
                   original: "（一）落實重大行政決策公眾參與程序。", area: "participation", topics: ["finance"],
                   evidence: ["cue 重大行政决策 → participation", "cue 财政 → finance"],
                   units: [UnitMention(name: "市发展改革委", canonical: "\(region)发展和改革委员会", role: .eachResponsible),
                           UnitMention(name: "市财政局", canonical: "\(region)财政局", role: .eachResponsible)],
                   deadlines: ["6月30日前"], targets: ["年内不少于2次"],
                   similar: [SimilarClause(doc: "other-doc", clause: "s2.c1", score: 0.93)]),
            Clause(id: "s1.c2", parent: "s1", level: 2, label: "（二）", number: 2, heading: "做好政策解读",
                   text: "（二）做好政策解读。" + (injected ? injection : "坚持政策文件与解读材料同步组织、同步审签、同步部署。"),
                   original: "（二）做好政策解讀。", area: "interpretation", topics: ["economy"]),
            Clause(id: "s2", parent: nil, level: 1, label: "二、", number: 2, heading: "加强平台建设",
                   text: "二、加强平台建设", original: "二、加強平台建設", area: "platforms"),
            Clause(id: "s2.c1", parent: "s2", level: 2, label: "（一）", number: 1, heading: "",
                   text: "（一）政府网站集约化，市政府办公厅牵头。", original: "（一）政府網站集約化，市政府辦公廳牽頭。", area: "platforms",
                   units: [UnitMention(name: "市政府办公厅", role: .lead)]),
        ]
        d.text = ([d.preamble] + d.clauses.map(\.text) + [d.closing]).joined(separator: "\n")
        d.duplicates = [DuplicateCopy(path: "Corpus/copies/\(id).html", sha256: String(repeating: "b", count: 64), similarity: 0.97)]
        d.appendices = [Appendix(kind: .interpretation, title: "政策解读", text: "问：为什么？\n答：因为。",
                                 qa: [.init(question: "为什么印发？", answer: "为了推进政务公开。")])]
        if injected { d.title += injection }
        return d
    }

    static var corpus: [Document] {
        [plan(id: "bj-2021", region: "北京市", year: 2021),
         plan(id: "evil-2020", region: "上海市", year: 2020, injected: true),
         plan(id: "sh-2020", region: "上海市", year: 2020)]
    }

    /// Runs the given sinks over `docs` into `folder` exactly as the runner does.
    static func publish(_ docs: [Document], sinks: [OutputSink], into folder: URL, beforeFinish: () throws -> Void = {}) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for s in sinks { try s.begin(staging: folder) }
        for d in docs.sorted(by: { $0.id < $1.id }) { for s in sinks { try s.write(d, prepared: s.prepare(d)) } }
        let inputs = docs.map { InputRecord(path: $0.source.path, sha256: $0.source.sha256, status: .published, document: $0.id) }
        let manifest = Manifest(inputs: inputs, run: RunInfo(counts: [:], timings: [:], versions: [:], configHash: "x"))
        try beforeFinish()
        for s in sinks { try s.finish(CorpusSummary(documents: docs.sorted(by: { $0.id < $1.id }).map(DocumentSummary.init), manifest: manifest)) }
    }

    static func tempFolder(_ name: String = #function) -> URL {
        (try? Fixtures.temporaryFolder("publish")) ?? FileManager.default.temporaryDirectory
    }

    static var packageRoot: URL { Fixtures.root }

    /// Run a program (killed after `timeout` seconds), returning its exit status, standard output and error.
    @discardableResult
    static func shell(_ exe: String, _ args: [String], timeout: TimeInterval = 120) throws -> (Int32, String, String) {
        let r = try Program.run(URL(fileURLWithPath: exe), args, timeout: timeout)
        return (r.status, r.stdout, r.stderr)
    }
}
