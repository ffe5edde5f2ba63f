import Foundation

/// The units an issuer line names: 中共福建省委办公厅、福建省人民政府办公厅 (or with a space,
/// as signatures are printed side by side) is two; a note in brackets (国务院（总理李克强）)
/// is no unit. 和 does not separate: it is inside names (国家发展和改革委员会).
enum IssuerUnits {
    static func names(_ issuer: String?) -> [String] {
        guard let issuer, !issuer.isEmpty else { return [] }
        var plain = ""
        var depth = 0
        for ch in issuer {
            if ch == "（" || ch == "(" { depth += 1; continue }
            if ch == "）" || ch == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { plain.append(ch) }
        }
        let separators: Set<Character> = ["、", "，", ",", "；", ";", " ", "\u{3000}", "\t", "\n"]
        var out: [String] = []
        for part in plain.split(whereSeparator: { separators.contains($0) }) {
            let name = String(part)
            if name.count >= 2, !out.contains(name) { out.append(name) }
        }
        return out
    }
}
