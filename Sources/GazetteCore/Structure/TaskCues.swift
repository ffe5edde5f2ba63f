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
    /// 前, 内 or 底 (3月底前, 10个工作日内, 年内, 2023年底).
    var deadline = false
    /// 于, 少, 过 or 到 (不少于, 至少, 超过, 达到).
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

    init(_ text: String) {
        var prev: UInt32 = 0
        var colon = false, unitWord = false, deadlineWord = false
        for u in text.unicodeScalars {
            let v = u.value
            switch v {
            case 0x3A, 0xFF1A: colon = true                   // : ：
            case 0x29, 0xFF09: if Self.isNoteLast(prev) { note = true }   // ) ）
            case 0x4F4D, 0x95E8: unitWord = true              // 位 门
            case 0x9650, 0x95F4, 0x70B9: deadlineWord = true  // 限 间 点
            case 0x524D, 0x5185, 0x5E95: deadline = true      // 前 内 底
            case 0x4E8E, 0x5C11, 0x8FC7, 0x5230: target = true // 于 少 过 到
            default: break
            }
            if !subject, Self.isVerbFirst(v), Self.isUnitLast(prev) { subject = true }
            prev = v
        }
        labelled = colon && unitWord
        labelledDeadline = colon && deadlineWord
    }
}
