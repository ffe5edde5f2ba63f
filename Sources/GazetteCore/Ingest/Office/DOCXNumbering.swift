/// Word's automatic numbering: the label a reader sees in front of a list paragraph is not
/// in document.xml but made from `word/numbering.xml` (and the paragraph styles of
/// `word/styles.xml`, whose `w:numPr` a paragraph inherits). This keeps the definitions and
/// the running counters, and writes the label of each numbered paragraph in document order.
struct DOCXNumbering {
    struct Level {
        /// `w:start`; the standard's default is 0.
        var start = 0
        var format = "decimal"
        /// `w:numFmt w:format` of a custom format.
        var pattern: String? = nil
        var text: String? = nil
        /// `w:lvlRestart`: restart when a level above this one-based level is used; 0 never.
        var restart: Int? = nil
        var isLegal = false
        /// `w:suff`: tab (the default), space or nothing between the label and the text.
        var suffix = "tab"
        /// `w:pStyle`: the paragraph style this level is linked to.
        var style: String? = nil
    }

    struct Num {
        var abstract: Int
        var starts: [Int: Int] = [:]
        var levels: [Int: Level] = [:]
        var overrides: Bool { !starts.isEmpty || !levels.isEmpty }
    }

    struct Style {
        var basedOn: String? = nil
        var numId: Int? = nil
        var ilvl: Int? = nil
    }

    var abstracts: [Int: [Int: Level]] = [:]
    /// `w:numStyleLink`: an abstract numbering that is only a reference to a numbering style.
    var styleLinks: [Int: String] = [:]
    var nums: [Int: Num] = [:]
    var styles: [String: Style] = [:]
    var defaultStyle: String? = nil
    /// Counters per list instance ("a3": abstract numbering 3; "n7": num 7, which overrides a start) and level.
    private var counters: [String: [Int?]] = [:]

    static let levels = 9

    /// The label of a paragraph with numbering `numId`/`ilvl` (either may be missing and come
    /// from the paragraph's style) and style `style`; nil when it is not numbered or is a
    /// bullet. Advances the counters, so call it once per paragraph, in document order.
    mutating func label(numId paragraphNum: Int?, ilvl paragraphLevel: Int?, style paragraphStyle: String?) -> (label: String, suffix: String)? {
        var styleNum: Int? = nil, styleLevel: Int? = nil, numStyle: String? = nil
        var s = paragraphStyle ?? defaultStyle, hops = 0
        while let id = s, let st = styles[id], hops < 16 {
            if styleNum == nil, let n = st.numId { styleNum = n; numStyle = id }
            if styleLevel == nil, let l = st.ilvl { styleLevel = l }
            s = st.basedOn; hops += 1
        }
        guard let numId = paragraphNum ?? styleNum, numId != 0, let num = nums[numId], let abstract = resolve(num.abstract) else { return nil }
        let defs = abstracts[abstract] ?? [:]
        func def(_ k: Int) -> Level? { num.levels[k] ?? defs[k] }
        func start(_ k: Int) -> Int { num.starts[k] ?? def(k)?.start ?? 0 }
        var level = paragraphLevel ?? styleLevel
            ?? (paragraphNum == nil ? defs.first(where: { $0.value.style != nil && $0.value.style == numStyle })?.key : nil) ?? 0
        level = min(max(level, 0), Self.levels - 1)
        guard let lvl = def(level) else { return nil }

        let key = num.overrides ? "n\(numId)" : "a\(abstract)"
        var c = counters[key] ?? Array(repeating: nil, count: Self.levels)
        if let v = c[level] { c[level] = v < 1_000_000 ? v + 1 : v } else { c[level] = start(level) }
        for m in (level + 1)..<Self.levels {
            let r = def(m)?.restart ?? m
            if r > 0 && level < r { c[m] = nil }
        }
        counters[key] = c

        if lvl.format == "bullet" { return nil }
        guard let pattern = lvl.text else { return nil }
        var out = ""
        var it = pattern.unicodeScalars.makeIterator()
        while let u = it.next() {
            guard u == "%" else { out.unicodeScalars.append(u); continue }
            guard let d = it.next() else { out += "%"; break }
            guard d.value >= 0x31 && d.value <= 0x39 else { out += "%"; out.unicodeScalars.append(d); continue }
            let k = Int(d.value - 0x31)
            let format = lvl.format == "none" ? "none" : lvl.isLegal ? "decimal" : (def(k)?.format ?? "decimal")
            if format == "bullet" { continue }
            out += DOCXNumberFormat.render(c[k] ?? start(k), format, pattern: def(k)?.pattern)
        }
        let label = out.wsTrimmed
        return label.isEmpty ? nil : (label, lvl.suffix)
    }

    /// The abstract numbering `id` stands for, following numbering-style links.
    func resolve(_ id: Int) -> Int? {
        var a = id, hops = 0
        while let link = styleLinks[a], hops < 8 {
            guard let n = styles[link]?.numId, let next = nums[n]?.abstract, next != a else { break }
            a = next; hops += 1
        }
        return abstracts[a] == nil && styleLinks[a] == nil ? nil : a
    }
}

extension DOCXNumbering {
    static func int(_ s: String?) -> Int? {
        guard let s, let v = Int(s.wsTrimmed) else { return nil }
        return min(max(v, -1_000_000), 1_000_000)
    }

    static func flag(_ pull: XMLPull) -> Bool {
        guard let v = pull.attribute("val") else { return true }
        return !["0", "false", "off"].contains(v)
    }

    /// Definitions from numbering.xml.
    mutating func readNumbering(_ pull: XMLPull) throws(XMLPull.Failure) {
        var abstract: Int? = nil, num: Int? = nil, overrideLevel: Int? = nil
        var level: Level? = nil, levelIndex = 0
        while try pull.next() {
            if pull.isMarkupCompatibility, pull.kind == .start, pull.name == "Fallback" { try pull.skip(); continue }
            guard pull.isWord else { continue }
            if pull.kind == .end {
                switch pull.name {
                case "abstractNum": abstract = nil
                case "num": num = nil
                case "lvlOverride": overrideLevel = nil
                case "lvl":
                    if let l = level {
                        if let n = num { nums[n]?.levels[levelIndex] = l } else if let a = abstract { abstracts[a, default: [:]][levelIndex] = l }
                    }
                    level = nil
                default: break
                }
                continue
            }
            guard pull.kind == .start else { continue }
            let val = pull.attribute("val")
            switch pull.name {
            case "abstractNum":
                abstract = Self.int(pull.attribute("abstractNumId"))
                if let a = abstract, abstracts[a] == nil { abstracts[a] = [:] }
            case "num":
                num = Self.int(pull.attribute("numId"))
                if let n = num { nums[n] = Num(abstract: -1) }
            case "abstractNumId": if let n = num, let a = Self.int(val) { nums[n]?.abstract = a }
            case "numStyleLink": if let a = abstract, let v = val { styleLinks[a] = v }
            case "lvlOverride": overrideLevel = Self.int(pull.attribute("ilvl"))
            case "startOverride":
                if let n = num, let k = overrideLevel, (0..<Self.levels).contains(k), let v = Self.int(val) { nums[n]?.starts[k] = v }
            case "lvl":
                levelIndex = min(max(Self.int(pull.attribute("ilvl")) ?? 0, 0), Self.levels - 1)
                if num != nil, let k = overrideLevel { levelIndex = min(max(k, 0), Self.levels - 1) }
                level = Level()
            case "start": if level != nil, let v = Self.int(val) { level!.start = max(v, 0) }
            case "numFmt": if level != nil, let v = val { level!.format = v; level!.pattern = pull.attribute("format") }
            case "lvlText": if level != nil { level!.text = val }
            case "lvlRestart": if level != nil { level!.restart = Self.int(val) }
            case "isLgl": if level != nil { level!.isLegal = Self.flag(pull) }
            case "suff": if level != nil, let v = val { level!.suffix = v }
            case "pStyle": if level != nil { level!.style = val }
            default: break
            }
        }
    }

    /// The numbering each style carries (`w:pPr/w:numPr`) and what it is based on, from styles.xml.
    mutating func readStyles(_ pull: XMLPull) throws(XMLPull.Failure) {
        var id: String? = nil
        var inPPr = false
        while try pull.next() {
            if pull.isMarkupCompatibility, pull.kind == .start, pull.name == "Fallback" { try pull.skip(); continue }
            guard pull.isWord else { continue }
            if pull.kind == .end {
                if pull.name == "style" { id = nil } else if pull.name == "pPr" { inPPr = false }
                continue
            }
            guard pull.kind == .start else { continue }
            switch pull.name {
            case "style":
                id = pull.attribute("styleId")
                if let i = id {
                    styles[i] = Style()
                    if pull.attribute("type") == "paragraph", let d = pull.attribute("default"), ["1", "true", "on"].contains(d), defaultStyle == nil {
                        defaultStyle = i
                    }
                }
            case "pPrChange", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr": try pull.skip()
            case "basedOn": if let i = id { styles[i]?.basedOn = pull.attribute("val") }
            case "pPr": inPPr = id != nil
            case "numId": if inPPr, let i = id { styles[i]?.numId = Self.int(pull.attribute("val")) }
            case "ilvl": if inPPr, let i = id { styles[i]?.ilvl = Self.int(pull.attribute("val")) }
            default: break
            }
        }
    }
}
