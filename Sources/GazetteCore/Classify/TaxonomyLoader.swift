import Foundation
import GazetteModel
import Yams

/// Reads `taxonomy.yml` through Yams nodes so that each problem carries its line.
///
/// ```yaml
/// rules: { heading_weight: 3, topic_min_score: 2 }
/// areas:
///   disclosure:
///     name: 重点领域信息公开
///     description: …
///     cues:
///       heading: { 做好信息公开: 3 }    # only in the clause's own heading
///       any: { 信息公开: 1 }            # heading ×3, body ×1, parent heading ×0.5
///       body: { 预决算: 0.5 }
///       parent: { 信息公开: 1 }
/// topics:
///   finance: { name: 财政预决算与审计, cues: { any: { 预决算: 2, 审计: 1.5 } } }
/// ```
public enum TaxonomyLoader {
    public static func load(_ url: URL, diagnostics: inout [Diagnostic]) -> Taxonomy? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(Diagnostic(id: "taxonomy-missing", severity: .error, message: "cannot read \(url.path)",
                                          file: url.path, suggestion: "create it or fix `classify: taxonomy:` in pipeline.yml"))
            return nil
        }
        return parse(String(decoding: data, as: UTF8.self), file: url.path, diagnostics: &diagnostics)
    }

    public static func parse(_ yaml: String, file: String, diagnostics d: inout [Diagnostic]) -> Taxonomy? {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: yaml) else {
                d.append(Diagnostic(id: "taxonomy-empty", severity: .error, message: "the taxonomy file is empty", file: file)); return nil
            }
            root = n
        } catch let e as YamlError { d.append(YAMLNodeReader.diagnostic(for: e, file: file)); return nil } catch {
            d.append(Diagnostic(id: "yaml-syntax", severity: .error, message: "\(error)", file: file)); return nil
        }
        let r = YAMLNodeReader(file: file)
        guard let top = r.mapping(root, "the taxonomy", &d) else { return nil }
        r.checkKeys(top, known: ["rules", "scope", "areas", "topics"], section: "the taxonomy", &d)
        var tax = Taxonomy(areas: [], topics: [])
        if let n = top["rules"], let m = r.mapping(n, "rules", &d) { tax.rules = readRules(m, r, &d) }
        if let n = top["scope"] { tax.scope = AreaScope.read(n, r, &d) }
        if let n = top["areas"], let m = r.mapping(n, "areas", &d) {
            tax.areas = readCodes(m, kind: "area", contract: TaxonomyContract.areas, r, &d)
        } else if top["areas"] == nil {
            d.append(Diagnostic(id: "taxonomy-no-areas", severity: .error, message: "the taxonomy has no 'areas' section", file: file))
        }
        if let n = top["topics"], let m = r.mapping(n, "topics", &d) {
            tax.topics = readCodes(m, kind: "topic", contract: TaxonomyContract.topics, r, &d)
        }
        let rulesMap = top["rules"]?.mapping
        if rulesMap?["default_area"] != nil, tax.area(tax.rules.defaultArea) == nil, !tax.areas.isEmpty {
            d.append(Diagnostic(id: "unknown-area", severity: .error, message: "default_area '\(tax.rules.defaultArea)' is not an area of the taxonomy",
                                file: file, line: top["rules"]?.mark?.line))
        }
        if rulesMap?["topic_support_area"] != nil, tax.area(tax.rules.topicSupportArea) == nil, !tax.areas.isEmpty {
            d.append(Diagnostic(id: "unknown-area", severity: .error, message: "topic_support_area '\(tax.rules.topicSupportArea)' is not an area of the taxonomy",
                                file: file, line: top["rules"]?.mark?.line))
        }
        return tax
    }

    static func readRules(_ m: Node.Mapping, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) -> ClassifyRules {
        var x = ClassifyRules()
        r.checkKeys(m, known: ClassifyRules.keys, section: "rules", &d)
        func num(_ k: String, _ set: (Double) -> Void) { if let n = m[k], let v = r.double(n, k, &d) { set(v) } }
        func int(_ k: String, _ set: (Int) -> Void) { if let n = m[k], let v = r.int(n, k, &d) { set(v) } }
        func str(_ k: String, _ set: (String) -> Void) { if let n = m[k], let v = r.string(n, k, &d) { set(v) } }
        num("heading_weight") { x.headingWeight = $0 }
        num("body_weight") { x.bodyWeight = $0 }
        num("parent_weight") { x.parentWeight = $0 }
        int("body_repeat_cap") { x.bodyRepeatCap = $0 }
        str("default_area") { x.defaultArea = $0 }
        num("topic_min_score") { x.topicMinScore = $0 }
        num("topic_per_100_chars") { x.topicPer100Chars = $0 }
        num("topic_relative_to_best") { x.topicRelativeToBest = $0 }
        num("enumeration_factor") { x.enumerationFactor = $0 }
        int("enumeration_min_items") { x.enumerationMinItems = $0 }
        str("topic_support_area") { x.topicSupportArea = $0 }
        num("topic_support") { x.topicSupport = $0 }
        int("cross_field_topics") { x.crossFieldTopics = $0 }
        num("body_length_norm") { x.bodyLengthNorm = $0 }
        num("heading_topic_support") { x.headingTopicSupport = $0 }
        num("heading_topic_min") { x.headingTopicMin = $0 }
        num("topic_outside_factor") { x.topicOutsideFactor = $0 }
        int("cross_field_max_level") { x.crossFieldMaxLevel = $0 }
        num("document_topic_share") { x.documentTopicShare = $0 }
        int("document_topic_min_clauses") { x.documentTopicMinClauses = $0 }
        return x
    }

    static func readCodes(_ m: Node.Mapping, kind: String, contract: [String], _ r: YAMLNodeReader,
                          _ d: inout [Diagnostic]) -> [TaxonomyCode] {
        var out: [TaxonomyCode] = []
        for (k, v) in m {
            guard let code = k.string else { continue }
            if !contract.contains(code) {
                d.append(Diagnostic(id: "unknown-\(kind)", severity: .error, message: "unknown \(kind) code '\(code)' (not in taxonomy.md)",
                                    file: r.file, line: k.mark?.line, column: k.mark?.column,
                                    suggestion: YAMLNodeReader.suggest(code, among: contract)))
            }
            if out.contains(where: { $0.code == code }) {
                d.append(Diagnostic(id: "duplicate-\(kind)", severity: .error, message: "\(kind) '\(code)' is defined twice",
                                    file: r.file, line: k.mark?.line))
            }
            var c = TaxonomyCode(code: code, line: k.mark?.line)
            guard let body = r.mapping(v, code, &d) else { continue }
            r.checkKeys(body, known: ["name", "description", "cues"], section: code, &d)
            if let n = body["name"], let s = r.string(n, "name", &d) { c.name = s }
            if let n = body["description"], let s = r.string(n, "description", &d) { c.description = s }
            if let n = body["cues"], let cm = r.mapping(n, "\(code).cues", &d) {
                r.checkKeys(cm, known: Cue.Place.allCases.map(\.rawValue), section: "\(code).cues", &d)
                for (pk, pv) in cm {
                    guard let ps = pk.string, let place = Cue.Place(rawValue: ps), let list = r.mapping(pv, "\(code).cues.\(ps)", &d) else { continue }
                    for (ck, cv) in list {
                        guard let phrase = ck.string, let w = r.double(cv, phrase, &d) else { continue }
                        if phrase.hasPrefix("re:"), (try? NSRegularExpression(pattern: String(phrase.dropFirst(3)))) == nil {
                            d.append(Diagnostic(id: "bad-regex", severity: .error, message: "invalid regular expression '\(phrase)'",
                                                file: r.file, line: ck.mark?.line))
                            continue
                        }
                        if phrase.isEmpty {
                            d.append(Diagnostic(id: "empty-cue", severity: .error, message: "empty cue in \(code)", file: r.file, line: ck.mark?.line))
                            continue
                        }
                        c.cues.append(Cue(phrase, weight: w, place: place, line: ck.mark?.line))
                    }
                }
            }
            if c.cues.isEmpty && code != "general" {
                d.append(Diagnostic(id: "no-cues", severity: .warning, message: "\(kind) '\(code)' has no cues and can never be chosen",
                                    file: r.file, line: k.mark?.line))
            }
            out.append(c)
        }
        return out
    }
}
