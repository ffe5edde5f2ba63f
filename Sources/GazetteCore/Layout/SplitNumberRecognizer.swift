/// Numbers split onto lines of their own by an extractor that broke the text at every run
/// of digits (`9` / `月` / `2` / `日下午…`, `有` / `11` / `个国家的`). Such a line is joined
/// with the text around it: a bare number ends no paragraph, and left alone it passes for a
/// clause number. The family is recognised when at least three lines are bare numbers.
struct SplitNumberRecognizer: LayoutRecognizer {
    var name: String { "split-numbers" }

    static func isBareNumber(_ line: String) -> Bool {
        let u = line.unicodeScalars
        guard !u.isEmpty, u.count <= 12 else { return false }
        return u.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." || $0 == "%" || $0 == "," }
            && u.first!.value >= 0x30 && u.first!.value <= 0x39
    }

    func apply(_ page: inout LayoutPage) {
        let trimmed = page.lines.map { $0.wsTrimmed }
        guard trimmed.lazy.filter(Self.isBareNumber).count >= 3 else { return }
        var out: [String] = []
        var joinNext = false
        for line in trimmed {
            if line.isEmpty { out.append(line); joinNext = false; continue }
            if Self.isBareNumber(line) {
                if let last = out.last, !last.isEmpty, !Self.endsSentence(last) {
                    out[out.count - 1] = last + line
                    page.note(name, .join, line)
                } else {
                    out.append(line)
                }
                joinNext = true
                continue
            }
            if joinNext, let last = out.last, !last.isEmpty, let f = line.unicodeScalars.first, f.isWide {
                out[out.count - 1] = last + line
                page.note(name, .join, line)
            } else {
                out.append(line)
            }
            joinNext = false
        }
        page.lines = out
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let l = s.unicodeScalars.last else { return true }
        return "。！？；：".unicodeScalars.contains(l)
    }
}
