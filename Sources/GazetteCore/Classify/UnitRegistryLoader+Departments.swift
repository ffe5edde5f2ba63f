import Foundation
import GazetteModel
import Yams

/// The `departments:` section of `units.yml`:
///
/// ```yaml
/// departments:
///   - { name: 财政局, province: 财政厅 }                        # 省财政局 → 福建省财政厅
///   - { name: 发展和改革委员会, aliases: [发展改革委, 发改委] }
///   - { name: "中共{region}委宣传部" }                           # 省委宣传部, 县委宣传部
///   - { name: 环境保护局, province: 环境保护厅, aliases: [环保局, 环保厅],
///       renamed: { to: 生态环境局, date: 2018–2019, note: 地方机构改革 } }
/// ```
extension UnitRegistryLoader {
    static let departmentLevels: [String: RegionLevel] = [
        "province": .province, "municipality": .municipality, "county": .county, "district": .district, "zone": .zone,
    ]

    static func readDepartments(_ n: Node, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) -> [RegistryDepartment] {
        guard let seq = n.sequence else {
            d.append(Diagnostic(id: "wrong-type", severity: .error, message: "'departments' must be a list of entries (- name: …)", file: r.file, line: n.mark?.line))
            return []
        }
        var out: [RegistryDepartment] = []
        for item in seq {
            guard let m = r.mapping(item, "a department", &d) else { continue }
            r.checkKeys(m, known: ["name", "aliases", "kind", "renamed", "note"] + departmentLevels.keys.sorted(), section: "department", &d)
            guard let nn = m["name"], let name = r.string(nn, "name", &d) else {
                d.append(Diagnostic(id: "unit-no-name", severity: .error, message: "a department needs a 'name' (its form in a city)", file: r.file, line: item.mark?.line))
                continue
            }
            var dep = RegistryDepartment(name: name, line: item.mark?.line)
            for (key, level) in departmentLevels {
                if let x = m[key], let s = r.string(x, key, &d) { dep.forms[level] = s }
            }
            if let x = m["aliases"], let l = r.stringList(x, "aliases", &d) { dep.aliases = l }
            if let x = m["kind"], let s = r.string(x, "kind", &d) { dep.kind = s; checkKind(s, x, r, &d) }
            if let x = m["note"], let s = r.string(x, "note", &d) { dep.note = s }
            if let x = m["renamed"], let rm = r.mapping(x, "renamed", &d) {
                r.checkKeys(rm, known: ["to", "date", "note"], section: "renamed", &d)
                if let t = rm["to"], let s = r.string(t, "to", &d) { dep.renamedTo = s }
                if let t = rm["date"], let s = r.string(t, "date", &d) { dep.renamedDate = s }
                if let t = rm["note"], let s = r.string(t, "note", &d) { dep.note = s }
                if dep.renamedTo == nil {
                    d.append(Diagnostic(id: "rename-no-target", severity: .error, message: "'renamed' needs 'to'", file: r.file, line: x.mark?.line))
                }
            }
            out.append(dep)
        }
        return out
    }

    /// A body two departments share, renames to no department, rename cycles.
    static func validateDepartments(_ deps: [RegistryDepartment], file: String, _ d: inout [Diagnostic]) {
        var owner: [String: Int] = [:]
        for (i, dep) in deps.enumerated() {
            for b in dep.bodies {
                if let j = owner[b], j != i {
                    d.append(Diagnostic(id: "duplicate-alias", severity: .error,
                                        message: "'\(b)' names both department '\(deps[j].name)' (line \(deps[j].line.map(String.init) ?? "?")) and '\(dep.name)'",
                                        file: file, line: dep.line, suggestion: "remove the form or alias from one of them"))
                } else { owner[b] = i }
            }
        }
        for (i, dep) in deps.enumerated() {
            guard let to = dep.renamedTo else { continue }
            guard owner[RegistryDepartment.body(of: to)] != nil else {
                d.append(Diagnostic(id: "rename-unknown", severity: .error, message: "department '\(dep.name)' is renamed to '\(to)', which no department names",
                                    file: file, line: dep.line, suggestion: "add a department for the successor"))
                continue
            }
            var cur = i, seen: Set<Int> = [i]
            while let t = deps[cur].renamedTo, let next = owner[RegistryDepartment.body(of: t)] {
                if !seen.insert(next).inserted {
                    if next == i {
                        d.append(Diagnostic(id: "rename-cycle", severity: .error, message: "department renames form a cycle from '\(dep.name)'",
                                            file: file, line: dep.line, suggestion: "a successor cannot be renamed back to its predecessor"))
                    }
                    break
                }
                cur = next
            }
        }
    }
}
