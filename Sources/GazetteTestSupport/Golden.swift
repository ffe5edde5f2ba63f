import Foundation
import XCTest

/// Golden files: the recorded output of the code on fixed inputs, which a test compares its
/// output with. They change only by re-recording with `GAZETTE_RECORD=1`, and a re-recording
/// run fails, so a change of behaviour is never accepted silently: review `git diff` of the
/// golden files, then run again without the switch.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["GAZETTE_RECORD"] == "1" }

    /// How many differences a failure lists.
    static let shown = 12

    /// Compares rows of `key<TAB>value` with the golden file `url`, key by key: a failure names
    /// each key whose value changed, went missing or is new, with `describe(key)` (the input the
    /// key stands for) when given. `header` lines are written at the top as `# …` comments.
    /// Tabs, newlines and backslashes in keys and values are escaped.
    public static func check(rows: [(key: String, value: String)], against url: URL, header: [String] = [],
                             describe: ((String) -> String?)? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let lines = rows.map { escape($0.key) + "\t" + escape($0.value) }
        let text = (header.map { "# " + $0 } + lines).joined(separator: "\n") + "\n"
        guard let want = load(url, recording: text, file: file, line: line) else { return }
        if want == text { return }
        let wanted = keyed(want), got = keyed(text)
        var report: [String] = []
        var changed = 0, missing = 0, added = 0
        for (key, plain, value) in wanted.rows {
            guard let now = got.values[key] else { missing += 1; report.append("- \(key)\t\(value)"); continue }
            if now != value {
                changed += 1
                let input = describe?(plain).map { "\n    input: \($0)" } ?? ""
                report.append("≠ \(key)\(input)\n    want: \(value)\n    got:  \(now)")
            }
        }
        for (key, _, value) in got.rows where wanted.values[key] == nil { added += 1; report.append("+ \(key)\t\(value)") }
        let listed = report.prefix(shown).joined(separator: "\n")
        XCTFail("\(name(url)) differs: \(changed) changed, \(missing) missing, \(added) new rows" +
                (report.isEmpty ? " (only the header or order)" : "\n\(listed)") + (report.count > shown ? "\n… and \(report.count - shown) more" : "") +
                "\n(if the change is meant: GAZETTE_RECORD=1 re-records, then review the diff)", file: file, line: line)
    }

    /// Compares a text (a page, a JSON record) with the golden file `url`; a failure shows
    /// where the text first differs (line and column) and the characters around it.
    public static func check(text: String, against url: URL, file: StaticString = #filePath, line: UInt = #line) {
        guard let want = load(url, recording: text, file: file, line: line), want != text else { return }
        let a = want.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let x = i < a.count ? Array(a[i]) : [], y = i < b.count ? Array(b[i]) : []
        let c = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        func around(_ s: [Character], _ present: Bool) -> String {
            guard present else { return "<end>" }
            let from = max(0, c - 60), to = min(s.count, c + 60)
            return (from > 0 ? "…" : "") + String(s[from..<to]).debugDescription + (to < s.count ? "…" : "")
        }
        XCTFail("\(name(url)) differs at line \(i + 1), column \(c + 1) (\(a.count) lines recorded, \(b.count) now):" +
                "\n  want: \(around(x, i < a.count))\n  got:  \(around(y, i < b.count))" +
                "\n(if the change is meant: GAZETTE_RECORD=1 re-records, then review the diff)", file: file, line: line)
    }

    /// The recorded text, or nil after recording `text` (which fails the test) or when there is none.
    static func load(_ url: URL, recording text: String, file: StaticString, line: UInt) -> String? {
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                XCTFail("re-recorded \(name(url)): review its diff, then run again without GAZETTE_RECORD", file: file, line: line)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(url.path): record it with GAZETTE_RECORD=1", file: file, line: line)
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Rows by key (as written, and as recorded: a key seen again is told apart as `key (2)`, …).
    static func keyed(_ text: String) -> (rows: [(key: String, plain: String, value: String)], values: [String: String]) {
        var rows: [(String, String, String)] = [], values: [String: String] = [:], seen: [String: Int] = [:]
        for row in text.split(separator: "\n") where !row.hasPrefix("#") {
            let parts = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let plain = String(parts[0])
            let n = (seen[plain] ?? 0) + 1
            seen[plain] = n
            let key = n > 1 ? "\(plain) (\(n))" : plain
            let value = parts.count > 1 ? String(parts[1]) : ""
            rows.append((key, plain, value)); values[key] = value
        }
        return (rows, values)
    }

    /// A short digest (FNV-1a, 64 bits, hex) of a value too long to record in full (an inline
    /// diff, a matrix of scores): the row still changes when the value does.
    public static func digest(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    public static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\t" || $0.isNewline }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The golden file's path inside the package, for messages.
    static func name(_ url: URL) -> String {
        let root = Fixtures.root.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }
}
