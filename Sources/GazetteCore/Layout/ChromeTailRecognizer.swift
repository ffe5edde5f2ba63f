/// Page chrome glued to the end of the last sentence when an extractor lost the break
/// between the body and the page's share or QR-code bar (`…自发布之日起施行。扫一扫在手机打开当前页`,
/// `（此件公开发布）【打印】【关闭】`). The tail after the last 。 or ） goes on a line of its
/// own when the clean stage's chrome rules take it for chrome — so the line rules drop it
/// and the sentence keeps its words.
struct ChromeTailRecognizer: LayoutRecognizer {
    var name: String { "chrome-tail" }

    func apply(_ page: inout LayoutPage) {
        page.splitLines(name) { line in
            Self.chromeTail(line).map { [String(line[..<$0]), String(line[$0...]).wsTrimmed] }
        }
    }

    /// Where a chrome tail starts: after the last 。 or ）, with 2 to 60 characters left
    /// that the chrome rules take for chrome; nil otherwise.
    static func chromeTail(_ line: String) -> String.Index? {
        guard let end = line.lastIndex(where: { $0 == "。" || $0 == "）" || $0 == ")" }) else { return nil }
        let cut = line.index(after: end)
        let tail = line[cut...]
        guard tail.utf8.count >= 6, tail.utf8.count <= 180 else { return nil }
        return ChromeRules.rule(for: String(tail).wsTrimmed) != nil ? cut : nil
    }
}
