import Foundation

/// Byte-level scans that let `TaskExtractor` run its patterns only where they can match.
///
/// Every pattern but the subject one matches inside a *piece*: a maximal run of text free of
/// scalars that no match (nor lookbehind) of the pattern can hold. A pattern without anchors
/// gives on each piece exactly the matches it gives there on the whole text, so it runs only
/// on the few pieces that hold its cue, and on a short string instead of the whole clause.
enum TaskScan {
    /// A bracketed note: the whole match （…落实） and its body.
    struct Note { var match: String; var body: String }

    /// What `TaskExtractor` needs of a clause, found in one pass over its UTF-8.
    struct Scan {
        var cues = Cues()
        var notes: [Note] = []
        var pieces = Pieces()
        /// `subjectSentences` of the clause itself.
        var sentences: [String] = []
    }

    static func scan(_ text: String) -> Scan {
        var text = text
        return text.withUTF8 { b in
            var cues = Cues.Scanner(), notes = NoteScanner(), sentences = SentenceScanner()
            var out = Scan()
            var i = 0
            while i < b.count {
                let (v, len) = b[i] < 0x80 ? (UInt32(b[i]), 1) : FastText.scalar(b, i)
                cues.feed(v, at: i)
                notes.feed(v, i, len, b, &out.notes)
                sentences.feed(v, i, len, b, &out.sentences)
                i += len
            }
            sentences.finish(b, &out.sentences)
            out.cues = cues.cues
            // Each piece holding a cue is found from the cue outwards.
            if cues.unitWord {
                out.pieces.labelled = pieces(b, around: cues.colons, keepBreak: true, isBreak: isLabelledBreak) { isUnitWordEnd($0) }
            }
            if cues.deadlineWord {
                out.pieces.labelledDeadline = pieces(b, around: cues.colons, keepBreak: false, isBreak: isLabelledDeadlineBreak) { isDeadlineWordEnd($0) }
            }
            out.pieces.deadline = pieces(b, around: cues.deadlineCues, keepBreak: false, isBreak: breaksDeadline) { _ in true }
            out.pieces.target = pieces(b, around: cues.targetCues, keepBreak: false, isBreak: breaksTarget) { _ in true }
            return out
        }
    }

    /// The maximal runs of `b` free of `isBreak` scalars that hold an offset of `anchors`
    /// (ascending) and a scalar for which `needs` holds, each run with its closing break when
    /// `keepBreak`.
    static func pieces(_ b: UnsafeBufferPointer<UInt8>, around anchors: [Int], keepBreak: Bool,
                       isBreak: (UInt32) -> Bool, needs: (UInt32) -> Bool) -> [String] {
        var out: [String] = []
        var done = 0  // anchors before this offset lie in a piece already looked at
        for a in anchors where a >= done {
            var start = a
            while start > 0 {
                var p = start - 1
                while p > 0 && b[p] & 0xC0 == 0x80 { p -= 1 }
                if isBreak(FastText.scalar(b, p).value) { break }
                start = p
            }
            var end = a, found = false, stop = b.count
            while end < b.count {
                let (v, len) = FastText.scalar(b, end)
                if isBreak(v) { stop = keepBreak ? end + len : end; break }
                if !found && needs(v) { found = true }
                end += len
            }
            if !found {  // the part before the anchor
                var j = start
                while j < a { let (v, len) = FastText.scalar(b, j); if needs(v) { found = true; break }; j += len }
            }
            if found { out.append(string(b, start, end == b.count ? b.count : stop)) }
            done = end
        }
        return out
    }

    @inline(__always) static func isLabelledBreak(_ v: UInt32) -> Bool {
        switch v { case 0x3002, 0xFF08, 0xFF09, 0x28, 0x29: return true; default: return false }  // 。（）()
    }
    @inline(__always) static func isLabelledDeadlineBreak(_ v: UInt32) -> Bool {
        switch v { case 0x3002, 0xFF1B, 0x3B, 0xFF08, 0xFF09, 0x28, 0x29: return true; default: return false }  // 。；;（）()
    }
    /// 位 门, which end every label of the labelled pattern.
    @inline(__always) static func isUnitWordEnd(_ v: UInt32) -> Bool { v == 0x4F4D || v == 0x95E8 }
    /// 限 间 点, one of which every label of the labelled deadline pattern holds.
    @inline(__always) static func isDeadlineWordEnd(_ v: UInt32) -> Bool { v == 0x9650 || v == 0x95F4 || v == 0x70B9 }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(knownValidUTF8: UnsafeBufferPointer(rebasing: b[from..<to]))
    }

    /// The matches of `TaskExtractor`'s note pattern `[（(]([^（）()]{2,200}?(?:落实|负责|…))[)）]`,
    /// left to right: an opening bracket, the first bracket after it being a closing one, with
    /// 4…202 scalars between that end with a note verb.
    static func notes(_ text: String) -> [Note] {
        var text = text
        return text.withUTF8 { b in
            var scanner = NoteScanner(), out: [Note] = []
            var i = 0
            while i < b.count {
                let (v, len) = b[i] < 0x80 ? (UInt32(b[i]), 1) : FastText.scalar(b, i)
                scanner.feed(v, i, len, b, &out)
                i += len
            }
            return out
        }
    }

    struct NoteScanner {
        var open = -1, count = 0
        var p1: UInt32 = 0, p2: UInt32 = 0  // the last two scalars since `open`

        @inline(__always) mutating func feed(_ v: UInt32, _ i: Int, _ len: Int, _ b: UnsafeBufferPointer<UInt8>, _ out: inout [Note]) {
            switch v {
            case 0x28, 0xFF08: open = i; count = 0; p1 = 0; p2 = 0
            case 0x29, 0xFF09:
                if open >= 0, (4...202).contains(count), isNoteVerb(p1, p2) {
                    let bodyStart = open + (b[open] == 0x28 ? 1 : 3)
                    out.append(Note(match: string(b, open, i + len), body: string(b, bodyStart, i)))
                }
                open = -1
            default:
                if open >= 0 { count += 1; p1 = p2; p2 = v }
            }
        }
    }

    /// 落实 负责 牵头 配合 参与 承担 实施 推进.
    @inline(__always) static func isNoteVerb(_ a: UInt32, _ b: UInt32) -> Bool {
        switch (a, b) {
        case (0x843D, 0x5B9E), (0x8D1F, 0x8D23), (0x7275, 0x5934), (0x914D, 0x5408),
             (0x53C2, 0x4E0E), (0x627F, 0x62C5), (0x5B9E, 0x65BD), (0x63A8, 0x8FDB): return true
        default: return false
        }
    }

    /// The pieces of a clause that hold the cue of each pattern. A piece cue implies the
    /// clause's cue (`Cues`), so the lists are empty when the clause cue is absent.
    /// Labelled pieces end with the bracket or 。 that closes them (the pattern's lookahead
    /// reads it); the others end before their break.
    struct Pieces {
        var labelled: [String] = []
        var labelledDeadline: [String] = []
        var deadline: [String] = []
        var target: [String] = []
    }

    /// The cued pieces of `text`.
    static func pieces(_ text: String) -> Pieces { scan(text).pieces }

    /// Scalars that no deadline match holds nor its lookbehind `(?<![一今])` reads: ASCII but
    /// digits, CJK punctuation, full-width punctuation, and the ideographs outside the pattern.
    /// (`\d` is any decimal digit, so scalars of other blocks never break a piece.)
    @inline(__always) static func breaksDeadline(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39: return false
        case 0..<0x80: return true
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20: return true
        case 0x4E00...0x9FFF:
            switch v {
            // 年 月 日 底 末 中 旬 上 下 半 第 一 二 三 四 季 度 前 以 个 工 作 内 今
            case 0x5E74, 0x6708, 0x65E5, 0x5E95, 0x672B, 0x4E2D, 0x65EC, 0x4E0A, 0x4E0B, 0x534A, 0x7B2C, 0x4E00,
                 0x4E8C, 0x4E09, 0x56DB, 0x5B63, 0x5EA6, 0x524D, 0x4EE5, 0x4E2A, 0x5DE5, 0x4F5C, 0x5185, 0x4ECA: return false
            default: return true
            }
        default: return false
        }
    }

    /// Scalars that no target match holds (it holds ideographs, digits, `.`, white space, % and ％):
    /// ASCII punctuation and letters, and CJK and full-width punctuation that is not Han.
    @inline(__always) static func breaksTarget(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x25, 0x2E: return false
        case 0x21..<0x80: return true
        case 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301B: return true  // 、。〈〉《》「」『』【】〔〕
        case 0xFF01...0xFF04, 0xFF06...0xFF0F, 0xFF1A...0xFF20: return true  // not ％ nor digits
        default: return false
        }
    }

    /// The sentences of the text that hold a unit suffix right before a verb — the only
    /// places where a match of the subject pattern can start and end — less those where the
    /// pattern, anchored at their start, cannot match: its unit opens with 各 市 区 县 省 自治区 国家, or two or three
    /// ideographs and 省 市 区 县, after an optional 由, so one of those stands in the first five scalars.
    static func subjectSentences(_ b: UnsafeBufferPointer<UInt8>) -> [String] {
        var scanner = SentenceScanner(), out: [String] = []
        var i = 0
        while i < b.count {
            let (v, len) = b[i] < 0x80 ? (UInt32(b[i]), 1) : FastText.scalar(b, i)
            scanner.feed(v, i, len, b, &out)
            i += len
        }
        scanner.finish(b, &out)
        return out
    }

    static func subjectSentences(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { subjectSentences($0) }
    }

    struct SentenceScanner {
        var start = 0, k = 0
        var prev: UInt32 = 0, cued = false, opens = false

        @inline(__always) mutating func feed(_ v: UInt32, _ i: Int, _ len: Int, _ b: UnsafeBufferPointer<UInt8>, _ out: inout [String]) {
            if Cues.isSentenceEnd(v) {
                if cued && opens { out.append(string(b, start, i)) }
                start = i + len; cued = false; opens = false; prev = 0; k = 0
            } else {
                if k < 5 {
                    switch v {
                    case 0x5404, 0x5E02, 0x533A, 0x53BF, 0x7701, 0x81EA, 0x56FD: opens = true  // 各 市 区 县 省 自 国
                    default: break
                    }
                    k += 1
                }
                if !cued, Cues.isVerbFirst(v), Cues.isUnitLast(prev) { cued = true }
                prev = v
            }
        }

        mutating func finish(_ b: UnsafeBufferPointer<UInt8>, _ out: inout [String]) {
            if cued && opens { out.append(string(b, start, b.count)) }
        }
    }

    /// `SimpleText.replacingAll` of simple UTF-8: every occurrence of `target`, left to right,
    /// each search going on after the previous occurrence, replaced by `replacement`.
    static func replacingAll(_ h: [UInt8], _ target: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        h.withUnsafeBufferPointer { h in
            target.withUnsafeBufferPointer { t in
                guard var at = SimpleText.find(t, in: h) else { return Array(h) }
                var out: [UInt8] = []
                out.reserveCapacity(h.count)
                var last = 0
                while true {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: h[last..<at]))
                    out.append(contentsOf: replacement)
                    last = at + t.count
                    guard let next = SimpleText.find(t, in: h, from: last) else { break }
                    at = next
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: h[last...]))
                return out
            }
        }
    }
}

extension TaskScan {
    /// Whether `name` matches `TaskExtractor.unitWord` (`^prefix body{0,12}? suffix$`), decided
    /// by hand when every scalar is a CJK unified ideograph (all `\p{Han}`); nil otherwise
    /// (the caller runs the pattern). Anchored at both ends, the pattern only asks whether
    /// some prefix, body and suffix cover the name, whatever the order of its alternatives.
    static func isUnitWord(_ name: String) -> Bool? {
        var s: [UInt32] = []
        s.reserveCapacity(32)
        for u in name.unicodeScalars {
            guard (0x4E00...0x9FFF).contains(u.value) else { return nil }
            s.append(u.value)
        }
        let n = s.count
        func at(_ i: Int, _ v: UInt32) -> Bool { i < n && s[i] == v }
        func isCounty(_ i: Int) -> Bool { i < n && (s[i] == 0x7701 || s[i] == 0x5E02 || s[i] == 0x533A || s[i] == 0x53BF) }  // 省 市 区 县
        // Lengths of the prefixes the name opens with.
        var prefixes: [Int] = []
        if at(0, 0x5404) {  // 各 (区|县|区县|市|级|试点区|相关区)?
            prefixes.append(1)
            if at(1, 0x533A) { prefixes.append(2); if at(2, 0x53BF) { prefixes.append(3) } }
            if at(1, 0x53BF) || at(1, 0x5E02) || at(1, 0x7EA7) { prefixes.append(2) }
            if at(1, 0x8BD5) && at(2, 0x70B9) && at(3, 0x533A) { prefixes.append(4) }  // 试点区
            if at(1, 0x76F8) && at(2, 0x5173) && at(3, 0x533A) { prefixes.append(4) }  // 相关区
        }
        if isCounty(0) { prefixes.append(1) }
        if at(0, 0x81EA) && at(1, 0x6CBB) && at(2, 0x533A) { prefixes.append(3) }  // 自治区
        if at(0, 0x56FD) && at(1, 0x5BB6) { prefixes.append(2) }  // 国家
        if isCounty(2) { prefixes.append(3) }  // [\p{Han}]{2,3}(?:省|市|区|县)
        if isCounty(3) { prefixes.append(4) }
        guard !prefixes.isEmpty else { return false }
        // Lengths of the suffixes it closes with.
        var suffixes: [Int] = []
        for suffix in unitSuffixes where suffix.count <= n && s[(n - suffix.count)...].elementsEqual(suffix) { suffixes.append(suffix.count) }
        for p in prefixes {
            for q in suffixes where p + q <= n && n - p - q <= 12 {
                if s[p..<(n - q)].allSatisfy({ !bodyExcluded.contains($0) }) { return true }
            }
        }
        return false
    }

    /// 办公厅 办公室 委员会 管委会 领导小组 部门 单位 政府 局 委 办 厅 中心 署 院.
    static let unitSuffixes: [[UInt32]] = ["办公厅", "办公室", "委员会", "管委会", "领导小组", "部门", "单位", "政府", "局", "委", "办", "厅", "中心", "署", "院"]
        .map { $0.unicodeScalars.map(\.value) }
    /// 要应将的在对把被是于为: ideographs the body of a unit name never holds.
    static let bodyExcluded: Set<UInt32> = Set("要应将的在对把被是于为".unicodeScalars.map(\.value))
}
