import Foundation
import GazetteModel

/// Finds the parts appended after the body that must not join the clause tree:
/// 【政策解读】 Q&A sections (interpretation), 附件 lists and attachments (attachment),
/// 相关解读 / 图解 links (other).
public struct AppendixSplitter: Sendable {
    /// An appendix with the lines it covers.
    public struct Part: Sendable {
        public var appendix: Appendix
        public var lines: Range<Int>
    }

    public init() {}

    static let markerPunctuation = Set("【】[]:：“”\"".unicodeScalars)

    /// 附 读 答 解.
    static func isCue(_ v: UInt32) -> Bool { v == 0x9644 || v == 0x8BFB || v == 0x7B54 || v == 0x89E3 }

    /// The kind and title of an appendix that starts at `line`, or nil.
    public static func marker(_ line: String) -> (Appendix.Kind, String)? {
        // Every marker below holds 附, 读, 答 or 解: a line without them is no marker.
        guard line.unicodeScalars.contains(where: { Self.isCue($0.value) }) else { return nil }
        let t = line.wsTrimmed
        let bare = FastText.trim(t, Self.markerPunctuation).wsTrimmed
        if t.hasPrefix("【政策解读】") || t.hasPrefix("【解读】") || ["政策解读", "解读", "文件解读", "政策问答"].contains(bare) {
            return (.interpretation, "政策解读")
        }
        // "《2023年…工作要点》政策解读" / "关于《…》的解读" as a line of its own.
        if SimpleText.hasAtMost(t, 60), !SimpleText.contains(t, "。"), t.hasSuffix("解读") || t.hasSuffix("解读】"), t.hasPrefix("《") || t.hasPrefix("关于《") || t.hasPrefix("【") {
            return (.interpretation, bare)
        }
        if t.hasPrefix("【相关解读】") || ["相关解读", "图解", "一图读懂", "图片解读", "视频解读"].contains(bare) {
            return (.other, bare.isEmpty ? "相关解读" : bare)
        }
        for prefix in ["附件", "附表", "附:", "附："] where t.hasPrefix(prefix) {
            var rest = Substring(t.dropFirst(prefix.count))
            rest = rest.drop(while: { $0.isNumber || $0 == " " || "一二三四五六七八九十".contains($0) })
            // "附件" alone, "附件1", "附件：…" — but not prose like "附件材料要齐全".
            if rest.isEmpty || rest.hasPrefix(":") || rest.hasPrefix("：") || rest.count < t.count - prefix.count && prefix.hasPrefix("附件") {
                let title = rest.drop(while: { $0 == ":" || $0 == "：" || $0 == " " })
                return (.attachment, title.isEmpty ? String(t) : String(title))
            }
        }
        return nil
    }

    /// Appendices that start at or after `from` in `lines`, each running to the next one.
    public func split(_ lines: [String], from: Int) -> [Part] {
        var starts: [(Int, Appendix.Kind, String)] = []
        for i in from..<lines.count { if let (k, t) = Self.marker(lines[i]) { starts.append((i, k, t)) } }
        var parts: [Part] = []
        for (n, (start, kind, title)) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].0 : lines.count
            let body = lines[start..<end].map { $0.wsTrimmed }.filter { !$0.isEmpty }
            let qa = kind == .interpretation ? Self.questions(Array(body.dropFirst())) : []
            parts.append(Part(appendix: Appendix(kind: kind, title: title, text: body.joined(separator: "\n"), qa: qa), lines: start..<end))
        }
        return parts
    }

    /// Question/answer pairs: a question is a short line ending with ？, or a line numbered
    /// 一、/（一） (where a lost line break glued the answer on, the question runs to the
    /// first ？ or, failing that, the first comma); its answer is everything up to the next.
    static func questions(_ lines: [String]) -> [Appendix.QA] {
        var out: [Appendix.QA] = []
        var q: String? = nil
        var answer: [String] = []
        func isQuestion(_ l: String) -> Bool { (l.hasSuffix("？") || l.hasSuffix("?")) && l.count <= 80 }
        // Where questions keep their ？, numbered lines inside answers are not questions.
        let marked = lines.filter(isQuestion).count >= 2
        for l in lines {
            let label = ClauseLabel.recognize(l)
            let numbered = !marked && (label.map { $0.style == .chineseComma || $0.style == .parenChinese } ?? false)
            let endsAsQuestion = isQuestion(l)
            guard numbered || endsAsQuestion else { if q != nil { answer.append(l) }; continue }
            if let q { out.append(Appendix.QA(question: q, answer: answer.joined(separator: "\n"))) }
            let body = label?.rest ?? l
            answer = []
            if endsAsQuestion || body.count <= 80 && !body.contains("。") {
                q = body
            } else if let stop = body.firstIndex(where: { "？?".contains($0) }) ?? body.firstIndex(where: { "，,。".contains($0) }) {
                let cut = body.index(after: stop)
                q = String(body[..<cut]).trimmingCharacters(in: CharacterSet(charactersIn: "，,。"))
                let rest = String(body[cut...]).wsTrimmed
                if !rest.isEmpty { answer.append(rest) }
            } else {
                q = body
            }
        }
        if let q { out.append(Appendix.QA(question: q, answer: answer.joined(separator: "\n"))) }
        return out
    }
}
