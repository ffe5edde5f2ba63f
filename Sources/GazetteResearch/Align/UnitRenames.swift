import Foundation
import GazetteModel

/// Unit names rewritten to their current form before two clauses are compared, so
/// that a renamed unit (市环保局 → 市生态环境局 after the 2018 reform) counts as
/// unchanged wording.
///
/// Two sources: what the classify stage resolved on the clause (`UnitMention.successor`,
/// else `canonical`), and a small built-in list of the 2018 institutional-reform renames.
public struct UnitRenames: Sendable {
    /// (old, new) pairs, longest old name first.
    public let rules: [(old: String, new: String)]

    /// First scalar → (pattern, replacement), longest pattern first.
    let patterns: [Unicode.Scalar: [([Unicode.Scalar], [Unicode.Scalar])]]
    /// Bit per BMP scalar that starts a pattern (scalars beyond the BMP always ask `patterns`):
    /// spares the dictionary lookup for the many characters that start none.
    let starts: [UInt64]

    public init(rules: [(String, String)]) {
        // Character counts taken once, not in every comparison of the (stable) sort.
        let kept = rules.filter { !$0.0.isEmpty && $0.0 != $0.1 }
            .map { (old: $0.0, new: $0.1, length: $0.0.count) }
            .sorted { $0.length != $1.length ? $0.length > $1.length : $0.old < $1.old }
            .map { (old: $0.old, new: $0.new) }
        self.rules = kept
        var map: [Unicode.Scalar: [([Unicode.Scalar], [Unicode.Scalar])]] = [:]
        var seen = Set<String>()
        for (pattern, replacement) in kept.map({ ($0.new, $0.new) }) + kept.map({ ($0.old, $0.new) }) where seen.insert(pattern).inserted {
            let p = Array(pattern.unicodeScalars)
            map[p[0], default: []].append((p, Array(replacement.unicodeScalars)))
        }
        patterns = map.mapValues { $0.sorted { $0.0.count > $1.0.count } }
        var bits = [UInt64](repeating: 0, count: 1024)
        for u in map.keys where u.value < 0x10000 { bits[Int(u.value >> 6)] |= 1 << UInt64(u.value & 63) }
        starts = bits
    }

    /// The patterns starting with `u`, if any.
    @inline(__always) func candidates(_ u: Unicode.Scalar) -> [([Unicode.Scalar], [Unicode.Scalar])]? {
        if u.value < 0x10000 && starts[Int(u.value >> 6)] & (1 << UInt64(u.value & 63)) == 0 { return nil }
        return patterns[u]
    }

    /// The 2018 reform renames, written without the 省/市/区/县 prefix so they apply at every level.
    public static let reform2018 = UnitRenames(rules: [
        ("环境保护厅", "生态环境厅"), ("环保厅", "生态环境厅"),
        ("环境保护局", "生态环境局"), ("环保局", "生态环境局"),
        ("国土资源厅", "自然资源厅"), ("国土资源局", "自然资源局"), ("国土局", "自然资源局"),
        ("规划和国土资源管理局", "规划和自然资源局"), ("规划国土局", "规划和自然资源局"),
        ("农业委员会", "农业农村委员会"), ("农委", "农业农村委"), ("农业厅", "农业农村厅"), ("农业局", "农业农村局"),
        ("卫生和计划生育委员会", "卫生健康委员会"), ("卫生计生委", "卫生健康委"), ("卫计委", "卫生健康委"),
        ("卫生计生局", "卫生健康局"), ("卫计局", "卫生健康局"),
        ("工商行政管理局", "市场监督管理局"), ("工商局", "市场监管局"),
        ("食品药品监督管理局", "市场监督管理局"), ("食药监局", "市场监管局"), ("食品药品监管局", "市场监管局"),
        ("质量技术监督局", "市场监督管理局"), ("质监局", "市场监管局"),
        ("安全生产监督管理局", "应急管理局"), ("安监局", "应急管理局"),
        ("文化广播影视局", "文化和旅游局"), ("文广新局", "文化和旅游局"), ("文广局", "文化和旅游局"),
        ("旅游局", "文化和旅游局"), ("文化厅", "文化和旅游厅"), ("旅游委", "文化和旅游局"),
        ("政府法制办公室", "司法局"), ("法制办", "司法局"),
        ("粮食局", "粮食和物资储备局"), ("林业局", "林业和草原局"),
    ])

    /// The built-in list plus the renames the classify stage resolved on `clauses`.
    public static func forClauses(_ clauses: [Clause]) -> UnitRenames {
        var pairs = reform2018.rules.map { ($0.old, $0.new) }
        var seen = Set<String>()
        for c in clauses {
            for u in c.units {
                guard let target = u.successor ?? u.canonical, target != u.name, !seen.contains(u.name) else { continue }
                seen.insert(u.name)
                pairs.append((u.name, reform2018.apply(target)))
            }
        }
        return UnitRenames(rules: pairs)
    }

    /// `text` with every old name replaced, leaving alone the places where a new name
    /// already stands (so 文化和旅游局 does not become 文化和文化和旅游局). One pass over
    /// the scalars, longest match first; new names match themselves.
    public func apply(_ text: String) -> String {
        // A registry rename may start from a reform rename's result (市环保局 → 市生态环境局 →
        // 上海市生态环境局): repeat until nothing changes (a few passes at most).
        var current = text
        for _ in 0..<3 {
            let next = applyOnce(current)
            if next == current { break }
            current = next
        }
        return current
    }

    /// `apply` on scalars: the same passes, compared scalar by scalar.
    func apply(scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var current = scalars
        for _ in 0..<3 {
            guard let next = applyOnce(scalars: current) else { break }
            current = next
        }
        return current
    }

    /// `applyOnce` on scalars; nil where nothing changes.
    func applyOnce(scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard !rules.isEmpty, scalars.contains(where: { candidates($0) != nil }) else { return nil }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count + 8)
        var i = 0
        while i < scalars.count {
            if let m = match(scalars, at: i) {
                out.append(contentsOf: m.replacement); i += m.pattern.count
            } else {
                out.append(scalars[i]); i += 1
            }
        }
        return out == scalars ? nil : out
    }

    /// The rule whose old name starts at `scalars[i]` (longest first), if any: the one
    /// scan step `applyOnce` and `mayChange` share.
    @inline(__always)
    func match(_ scalars: [Unicode.Scalar], at i: Int) -> (pattern: [Unicode.Scalar], replacement: [Unicode.Scalar])? {
        guard let candidates = candidates(scalars[i]) else { return nil }
        for (pattern, replacement) in candidates where i + pattern.count <= scalars.count {
            var k = 1
            while k < pattern.count && scalars[i + k] == pattern[k] { k += 1 }
            if k == pattern.count { return (pattern, replacement) }
        }
        return nil
    }

    /// Whether `apply` could change a text of these scalars: false when no old name occurs
    /// in it (only new names, which match themselves, or nothing). Same scan as `applyOnce`.
    func mayChange(_ scalars: [Unicode.Scalar]) -> Bool {
        guard !rules.isEmpty else { return false }
        var i = 0
        while i < scalars.count {
            if let m = match(scalars, at: i) {
                if m.pattern != m.replacement { return true }
                i += m.pattern.count
            } else {
                i += 1
            }
        }
        return false
    }

    func applyOnce(_ text: String) -> String {
        guard !rules.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { candidates($0) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if let m = match(scalars, at: i) {
                out.append(contentsOf: m.replacement); i += m.pattern.count
            } else {
                out.append(scalars[i]); i += 1
            }
        }
        return String(out)
    }
}
