/// Necessary conditions for the patterns of `TaskExtractor`, found in one pass over the
/// scalars of a clause: a pattern whose cue is absent cannot match, so it is not run.
struct Cues {
    /// A closing bracket right after the last character of a note verb (落实）, 负责) …).
    var note = false
    /// A colon and 位/门 (牵头单位：, 责任部门：).
    var labelled = false
    /// A unit suffix right before the first character of a subject verb (市财政局负责 …).
    var subject = false
    /// A colon and 限/间/点 (完成时限：, 时间节点：).
    var labelledDeadline = false
    /// 前 after 月 日 底 末 旬 中 年 度 or 以 (3月底前, 上半年前, 第二季度前, 6月以前), 内 after
    /// 日 or 年 (10个工作日内, 年内), 底 after 年 (2023年底).
    var deadline = false
    /// 于 after 少 低 or 高, 少 after 至, 过 after 超, 到 after 达 (不少于, 至少, 超过, 达到).
    var target = false

    /// Last characters of the note verbs 落实 负责 牵头 配合 参与 承担 实施 推进.
    @inline(__always) static func isNoteLast(_ v: UInt32) -> Bool {
        switch v { case 0x5B9E, 0x8D23, 0x5934, 0x5408, 0x4E0E, 0x62C5, 0x65BD, 0x8FDB: return true; default: return false }
    }
    /// Last characters of the unit suffixes (办公厅, 委员会, 领导小组, 部门, 单位, 政府, 局 …).
    @inline(__always) static func isUnitLast(_ v: UInt32) -> Bool {
        switch v { case 0x5385, 0x5BA4, 0x4F1A, 0x7EC4, 0x95E8, 0x4F4D, 0x5E9C, 0x5C40, 0x59D4, 0x529E, 0x5FC3, 0x7F72, 0x9662: return true; default: return false }
    }
    /// First characters of the verbs that may follow a subject unit (要, 应, 将, 会同, 负责 …).
    @inline(__always) static func isVerbFirst(_ v: UInt32) -> Bool {
        switch v { case 0x8981, 0x5E94, 0x5C06, 0x4F1A, 0x4F5C, 0x8D1F, 0x7275, 0x6309, 0x5B9A, 0x53CA, 0x7EDF, 0x7EC4, 0x4F9D, 0x8054, 0x5370, 0x5F00, 0x5236, 0x51FA, 0x5EFA, 0x52A0, 0x505A: return true; default: return false }
    }

    /// What stands before 前 in a deadline: 月 日 底 末 旬 中 年 度 以.
    @inline(__always) static func isBeforeDeadlineEnd(_ v: UInt32) -> Bool {
        switch v { case 0x6708, 0x65E5, 0x5E95, 0x672B, 0x65EC, 0x4E2D, 0x5E74, 0x5EA6, 0x4EE5: return true; default: return false }
    }

    /// 。；;！？?\n: where the subject pattern may start a match, which it never crosses.
    @inline(__always) static func isSentenceEnd(_ v: UInt32) -> Bool {
        switch v { case 0x3002, 0xFF1B, 0x3B, 0xFF01, 0xFF1F, 0x3F, 0x0A: return true; default: return false }
    }

    init() {}

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Cues($0) }
    }

    /// The cues of UTF-8 text.
    init(_ b: UnsafeBufferPointer<UInt8>) {
        var scanner = Scanner()
        var i = 0
        while i < b.count {
            let (v, len) = b[i] < 0x80 ? (UInt32(b[i]), 1) : FastText.scalar(b, i)
            scanner.feed(v)
            i += len
        }
        self = scanner.cues
    }

    /// The cues of scalars fed one by one.
    struct Scanner {
        var flags = Cues()
        var prev: UInt32 = 0
        var colon = false, unitWord = false, deadlineWord = false
        /// Where (byte offsets given to `feed`) colons, deadline cues and target cues stand.
        var colons: [Int] = [], deadlineCues: [Int] = [], targetCues: [Int] = []

        @inline(__always) mutating func feed(_ v: UInt32, at i: Int = 0) {
            switch v {
            case 0x3A, 0xFF1A: colon = true; colons.append(i)  // : ：
            case 0x29, 0xFF09: if Cues.isNoteLast(prev) { flags.note = true }   // ) ）
            case 0x4F4D, 0x95E8: unitWord = true              // 位 门
            case 0x9650, 0x95F4, 0x70B9: deadlineWord = true  // 限 间 点
            case 0x524D: if Cues.isBeforeDeadlineEnd(prev) { flags.deadline = true; deadlineCues.append(i) }  // 前
            case 0x5185: if prev == 0x65E5 || prev == 0x5E74 { flags.deadline = true; deadlineCues.append(i) }  // 内 after 日 年
            case 0x5E95: if prev == 0x5E74 { flags.deadline = true; deadlineCues.append(i) }  // 底 after 年
            case 0x4E8E: if prev == 0x5C11 || prev == 0x4F4E || prev == 0x9AD8 { flags.target = true; targetCues.append(i) }  // 于 after 少 低 高
            case 0x5C11: if prev == 0x81F3 { flags.target = true; targetCues.append(i) }   // 少 after 至
            case 0x8FC7: if prev == 0x8D85 { flags.target = true; targetCues.append(i) }   // 过 after 超
            case 0x5230: if prev == 0x8FBE { flags.target = true; targetCues.append(i) }   // 到 after 达
            default: break
            }
            if !flags.subject, Cues.isVerbFirst(v), Cues.isUnitLast(prev) { flags.subject = true }
            prev = v
        }

        var cues: Cues {
            var c = flags
            c.labelled = colon && unitWord
            c.labelledDeadline = colon && deadlineWord
            return c
        }
    }
}
