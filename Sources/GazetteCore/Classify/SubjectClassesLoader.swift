import Foundation
import GazetteModel
import Yams

/// Reads `subject_classes.yml` through Yams nodes so that each problem carries its line.
///
/// ```yaml
/// rules: { title_weight: 4, min_score: 3 }
/// separators: ['\', '/', '>', '－']
/// neutral: [中华民族, 高质量发展]
/// issuers: { 税务: finance.tax }
/// classes:
///   finance:
///     name: 财政、金融、审计
///     cues: { any: { 金融: 2 } }
///     sub:
///       tax: { name: 税务, spellings: [税收], cues: { any: { 纳税: 3 }, title: { 个税: 3 } } }
/// ```
///
/// Errors: a code that is no lower-case identifier, a spelling two classes share (a page value
/// could not tell them apart), an issuer naming an unknown code, an unknown key or place, a
/// weight that is no number, an empty cue or separator (a code defined twice is a repeated
/// YAML key, which the reader refuses). Warnings: a first-level name that is not one of gov.cn's
/// 22, a cue listed twice in one class.
public enum SubjectClassesLoader {
    /// gov.cn's first-level classes (国务院政策文件库), which a first-level `name` should be one of.
    public static let govCNFirstLevel = ["国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
                                         "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护",
                                         "科技、教育", "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察",
                                         "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他"]

    static let codePattern = try! NSRegularExpression(pattern: "^[a-z][a-z0-9_]*$")

    public static func load(_ url: URL, diagnostics: inout [Diagnostic]) -> SubjectClasses? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            // A warning: without the file, page values are kept as written and nothing is predicted.
            // (pipeline.yml naming a file that does not exist is an error of its own: data-file-missing.)
            diagnostics.append(Diagnostic(id: "subject-classes-missing", severity: .warning,
                                          message: "cannot read \(url.path): subject classes are kept as pages write them and not predicted",
                                          file: url.path, suggestion: "create it or fix `classify: subjects:` in pipeline.yml"))
            return nil
        }
        return parse(String(decoding: data, as: UTF8.self), file: url.path, diagnostics: &diagnostics)
    }

    public static func parse(_ yaml: String, file: String, diagnostics d: inout [Diagnostic]) -> SubjectClasses? {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: yaml) else {
                d.append(Diagnostic(id: "subject-classes-empty", severity: .error, message: "the subject class file is empty", file: file)); return nil
            }
            root = n
        } catch let e as YamlError { d.append(YAMLNodeReader.diagnostic(for: e, file: file)); return nil } catch {
            d.append(Diagnostic(id: "yaml-syntax", severity: .error, message: "\(error)", file: file)); return nil
        }
        let r = YAMLNodeReader(file: file)
        guard let top = r.mapping(root, "the subject class file", &d) else { return nil }
        r.checkKeys(top, known: ["rules", "separators", "neutral", "issuers", "classes"], section: "the subject class file", &d)
        var rules = SubjectRules()
        if let n = top["rules"], let m = r.mapping(n, "rules", &d) { rules = readRules(m, r, &d) }
        var separators = SubjectClasses().separators
        if let n = top["separators"], let l = r.stringList(n, "separators", &d) {
            for (i, s) in l.enumerated() where s.isEmpty {
                d.append(Diagnostic(id: "empty-separator", severity: .error, message: "an empty separator would split nothing",
                                    file: file, line: n.sequence?[i].mark?.line ?? n.mark?.line))
            }
            separators = l.filter { !$0.isEmpty }
        }
        var neutral: [String] = []
        if let n = top["neutral"], let l = r.stringList(n, "neutral", &d) { neutral = l.filter { !$0.isEmpty } }

        var classes: [SubjectClasses.Entry] = []
        if let n = top["classes"], let m = r.mapping(n, "classes", &d) {
            for (k, v) in m {
                guard let code = k.string else { continue }
                if let c = readEntry(code: code, parent: nil, key: k, v, r, &d) { classes.append(c) }
            }
        } else if top["classes"] == nil {
            d.append(Diagnostic(id: "subject-no-classes", severity: .error, message: "the subject class file has no 'classes' section", file: file))
        }
        checkSpellings(classes, r, &d)

        var issuers: [SubjectClasses.IssuerCue] = []
        let known = Set(classes.flatMap { [$0.code] + $0.subs.map(\.code) })
        if let n = top["issuers"], let m = r.mapping(n, "issuers", &d) {
            for (k, v) in m {
                guard let fragment = k.string, let code = r.string(v, fragment, &d) else { continue }
                if fragment.isEmpty {
                    d.append(Diagnostic(id: "empty-cue", severity: .error, message: "empty issuer fragment", file: file, line: k.mark?.line)); continue
                }
                guard known.contains(code) else {
                    d.append(Diagnostic(id: "unknown-subject-code", severity: .error,
                                        message: "issuer '\(fragment)' names the code '\(code)', which no class of the file has",
                                        file: file, line: v.mark?.line, column: v.mark?.column,
                                        suggestion: YAMLNodeReader.suggest(code, among: known.sorted())))
                    continue
                }
                if issuers.contains(where: { $0.fragment == fragment }) {
                    d.append(Diagnostic(id: "duplicate-issuer", severity: .error, message: "issuer fragment '\(fragment)' is listed twice",
                                        file: file, line: k.mark?.line))
                    continue
                }
                issuers.append(.init(fragment: fragment, code: code, line: k.mark?.line))
            }
        }
        return SubjectClasses(classes: classes, rules: rules, separators: separators, neutral: neutral, issuers: issuers, file: file)
    }

    static func readRules(_ m: Node.Mapping, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) -> SubjectRules {
        var x = SubjectRules()
        r.checkKeys(m, known: SubjectRules.keys, section: "rules", &d)
        func num(_ k: String, _ set: (Double) -> Void) { if let n = m[k], let v = r.double(n, k, &d) { set(v) } }
        num("title_weight") { x.titleWeight = $0 }
        num("body_weight") { x.bodyWeight = $0 }
        if let n = m["body_repeat_cap"], let v = r.positiveInt(n, "body_repeat_cap", &d) { x.bodyRepeatCap = v }
        if let n = m["breadth_decay"], let v = r.double(n, "breadth_decay", &d) {
            if v > 0 && v <= 1 { x.breadthDecay = v } else {
                d.append(Diagnostic(id: "out-of-range", severity: .error, message: "'breadth_decay' must be above 0 and at most 1",
                                    file: r.file, line: n.mark?.line, column: n.mark?.column))
            }
        }
        num("issuer_points") { x.issuerPoints = $0 }
        num("min_score") { x.minScore = $0 }
        num("sub_class_min_score") { x.subClassMinScore = $0 }
        num("sub_class_min_share") { x.subClassMinShare = $0 }
        return x
    }

    /// One class and, for a first-level class, its sub-classes.
    static func readEntry(code: String, parent: String?, key: Node, _ v: Node, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) -> SubjectClasses.Entry? {
        let full = parent.map { $0 + "." + code } ?? code
        if MetadataExtractor.first(codePattern, code) == nil {
            d.append(Diagnostic(id: "bad-subject-code", severity: .error,
                                message: "subject code '\(full)' must be lower-case letters, digits and _ (starting with a letter)",
                                file: r.file, line: key.mark?.line, column: key.mark?.column))
        }
        guard let body = r.mapping(v, full, &d) else { return nil }
        r.checkKeys(body, known: parent == nil ? ["name", "spellings", "cues", "sub"] : ["name", "spellings", "cues"], section: full, &d)
        var e = SubjectClasses.Entry(code: full, name: "", line: key.mark?.line)
        if let n = body["name"], let s = r.string(n, "\(full).name", &d) { e.name = s.trimmingCharacters(in: .whitespaces) }
        if e.name.isEmpty {
            d.append(Diagnostic(id: "subject-no-name", severity: .error, message: "subject class '\(full)' has no name",
                                file: r.file, line: key.mark?.line, suggestion: "write its gov.cn name: name: 综合政务"))
        } else if parent == nil, !govCNFirstLevel.contains(e.name) {
            d.append(Diagnostic(id: "subject-name-not-gov-cn", severity: .warning,
                                message: "first-level class '\(full)' is named '\(e.name)', which is not one of gov.cn's 22 first-level classes",
                                file: r.file, line: body["name"]?.mark?.line ?? key.mark?.line,
                                suggestion: YAMLNodeReader.suggest(e.name, among: govCNFirstLevel)))
        }
        if let n = body["spellings"], let l = r.stringList(n, "\(full).spellings", &d) { e.spellings = l.filter { !$0.isEmpty } }
        if let n = body["cues"], let cm = r.mapping(n, "\(full).cues", &d) {
            r.checkKeys(cm, known: SubjectCue.Place.allCases.map(\.rawValue), section: "\(full).cues", &d)
            for (pk, pv) in cm {
                guard let ps = pk.string, let place = SubjectCue.Place(rawValue: ps), let list = r.mapping(pv, "\(full).cues.\(ps)", &d) else { continue }
                for (ck, cv) in list {
                    guard let phrase = ck.string, let w = r.double(cv, phrase, &d) else { continue }
                    if phrase.isEmpty {
                        d.append(Diagnostic(id: "empty-cue", severity: .error, message: "empty cue in \(full)", file: r.file, line: ck.mark?.line))
                        continue
                    }
                    if !w.isFinite {
                        d.append(Diagnostic(id: "wrong-type", severity: .error, message: "the weight of '\(phrase)' must be a finite number",
                                            file: r.file, line: cv.mark?.line)); continue
                    }
                    if e.cues.contains(where: { $0.phrase == phrase && $0.place == place }) {
                        d.append(Diagnostic(id: "duplicate-cue", severity: .warning, message: "cue '\(phrase)' is listed twice in \(full).cues.\(ps); the last weight counts",
                                            file: r.file, line: ck.mark?.line))
                        e.cues.removeAll { $0.phrase == phrase && $0.place == place }
                    }
                    e.cues.append(SubjectCue(phrase, weight: w, place: place, line: ck.mark?.line))
                }
            }
        }
        if parent == nil, let n = body["sub"], let sm = r.mapping(n, "\(full).sub", &d) {
            for (sk, sv) in sm {
                guard let sc = sk.string else { continue }
                if let s = readEntry(code: sc, parent: full, key: sk, sv, r, &d) { e.subs.append(s) }
            }
        }
        return e
    }

    /// Spellings (names and other spellings, folded) a page value could not tell apart: two
    /// first-level classes, or two sub-classes of one class. A spelling that sub-classes of two
    /// first-level classes share, or that a sub-class shares with a first-level class (gov.cn's
    /// 其他), is allowed: alone it names the first level or nothing, and the sub-class is read
    /// with its first level (综合政务\其他).
    static func checkSpellings(_ classes: [SubjectClasses.Entry], _ r: YAMLNodeReader, _ d: inout [Diagnostic]) {
        func check(_ entries: [SubjectClasses.Entry], _ scope: String) {
            var seen: [String: String] = [:]
            for e in entries {
                var own = Set<String>()
                for s in [e.name] + e.spellings where !s.isEmpty {
                    let f = SubjectClasses.fold(s)
                    if !own.insert(f).inserted {
                        d.append(Diagnostic(id: "duplicate-spelling", severity: .warning, message: "'\(s)' is listed twice for \(e.code)",
                                            file: r.file, line: e.line))
                        continue
                    }
                    if let other = seen[f] {
                        d.append(Diagnostic(id: "duplicate-spelling", severity: .error,
                                            message: "the spelling '\(s)' names both \(other) and \(e.code) (\(scope))",
                                            file: r.file, line: e.line, suggestion: "keep it on one class"))
                    } else {
                        seen[f] = e.code
                    }
                }
            }
        }
        check(classes, "first-level classes")
        for c in classes { check(c.subs, "sub-classes of \(c.code)") }
    }
}
