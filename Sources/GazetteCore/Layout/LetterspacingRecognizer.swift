/// Letterspaced words: headings set with a space between characters (`总 则`,
/// `工　作　任　务`, `标　　题：` — the clean stage has folded U+3000 to a space). A run of
/// two or more one-character Han tokens (the last may carry a colon) is one word.
struct LetterspacingRecognizer: LayoutRecognizer {
    var name: String { "letterspacing" }

    func apply(_ page: inout LayoutPage) {
        for i in page.lines.indices where FastText.containsByte(page.lines[i], 0x20) {
            if let joined = Self.join(page.lines[i]) {
                page.note(name, .rewrite, page.lines[i])
                page.lines[i] = joined
            }
        }
    }

    /// The line with its letterspaced runs closed up; nil when it has none.
    static func join(_ line: String) -> String? {
        let tokens = line.split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count >= 2 else { return nil }
        func single(_ t: Substring, last: Bool) -> Bool {
            let u = t.unicodeScalars
            guard let f = u.first, f.isHan else { return false }
            if u.count == 1 { return true }
            return last && u.count == 2 && (u.last! == "：" || u.last! == ":")
        }
        var out: [String] = []
        var changed = false
        var k = 0
        while k < tokens.count {
            var j = k
            while j < tokens.count, single(tokens[j], last: false) { j += 1 }
            if j < tokens.count, j > k, single(tokens[j], last: true) { j += 1 }   // 标 题：
            if j - k >= 2 {
                out.append(tokens[k..<j].joined())
                changed = true
                k = j
            } else {
                out.append(String(tokens[k]))
                k += 1
            }
        }
        return changed ? out.joined(separator: " ") : nil
    }
}
