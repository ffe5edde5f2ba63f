import Foundation
import GazetteModel
import Yams

/// Reads `units.yml` through Yams nodes (lines kept for `gazette check`) and validates it:
/// unknown keys and levels, duplicate aliases within one scope, renames to nowhere and
/// rename cycles.
///
/// ```yaml
/// regions:
///   北京市: { level: provincial, short: [北京] }
///   济南市: { level: municipal, province: 山东省, short: [济南] }
/// units:
///   - name: "{city}发展和改革委员会"      # region-generic
///     aliases: [市发展改革委, 市发改委]
///     level: municipal
///   - name: 北京市环境保护局
///     region: 北京市
///     aliases: [市环保局]
///     renamed: { to: 北京市生态环境局, date: 2018-11-08, note: 2018年机构改革 }
///   - { name: "{city}各区人民政府", aliases: [各区政府], kind: collective }
/// patterns:
///   - { match: "^(.{2,6}区)(人民)?政府$", name: "{city}{1}人民政府", level: district }
/// ```
public enum UnitRegistryLoader {
    public static func load(_ url: URL, diagnostics: inout [Diagnostic]) -> UnitRegistry? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(Diagnostic(id: "units-missing", severity: .error, message: "cannot read \(url.path)",
                                          file: url.path, suggestion: "create it or fix `classify: units:` in pipeline.yml"))
            return nil
        }
        return parse(String(decoding: data, as: UTF8.self), file: url.path, diagnostics: &diagnostics)
    }

    public static func parse(_ yaml: String, file: String, diagnostics d: inout [Diagnostic]) -> UnitRegistry? {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: yaml) else { return UnitRegistry() }
            root = n
        } catch let e as YamlError { d.append(YAMLNodeReader.diagnostic(for: e, file: file)); return nil } catch {
            d.append(Diagnostic(id: "yaml-syntax", severity: .error, message: "\(error)", file: file)); return nil
        }
        let r = YAMLNodeReader(file: file)
        guard let top = r.mapping(root, "the unit registry", &d) else { return nil }
        r.checkKeys(top, known: ["regions", "departments", "units", "patterns"], section: "the unit registry", &d)
        var reg = UnitRegistry()
        reg.file = file
        if let n = top["regions"], let m = r.mapping(n, "regions", &d) {
            for (k, v) in m {
                guard let name = k.string, let body = r.mapping(v, name, &d) else { continue }
                r.checkKeys(body, known: ["level", "short", "province", "city"], section: name, &d)
                var region = RegistryRegion(name: name, short: [], level: "municipal", province: nil, city: nil, line: k.mark?.line)
                if let x = body["level"], let s = r.string(x, "level", &d) { region.level = s; checkLevel(s, x, r, &d) }
                if let x = body["short"], let l = r.stringList(x, "short", &d) { region.short = l }
                if let x = body["province"], let s = r.string(x, "province", &d) { region.province = s }
                if let x = body["city"], let s = r.string(x, "city", &d) { region.city = s }
                reg.regions.append(region)
            }
        }
        if let n = top["departments"] { reg.departments = readDepartments(n, r, &d) }
        if let n = top["units"] {
            guard let seq = n.sequence else {
                d.append(Diagnostic(id: "wrong-type", severity: .error, message: "'units' must be a list of entries (- name: …)", file: file, line: n.mark?.line))
                return reg
            }
            for item in seq {
                guard let m = r.mapping(item, "a unit entry", &d) else { continue }
                if let u = readUnit(m, line: item.mark?.line, regions: reg.regions, r, &d) { reg.units.append(u) }
            }
        }
        if let n = top["patterns"], let seq = n.sequence {
            for item in seq {
                guard let m = r.mapping(item, "a pattern", &d) else { continue }
                r.checkKeys(m, known: ["match", "name", "level", "kind"], section: "pattern", &d)
                guard let mn = m["match"], let match = r.string(mn, "match", &d), let nn = m["name"], let name = r.string(nn, "name", &d) else {
                    d.append(Diagnostic(id: "pattern-incomplete", severity: .error, message: "a pattern needs 'match' and 'name'", file: file, line: item.mark?.line)); continue
                }
                if (try? NSRegularExpression(pattern: match)) == nil {
                    d.append(Diagnostic(id: "bad-regex", severity: .error, message: "invalid regular expression '\(match)'", file: file, line: mn.mark?.line))
                }
                var p = RegistryPattern(match: match, name: name, level: nil, kind: "unit", line: item.mark?.line)
                if let x = m["level"], let s = r.string(x, "level", &d) { p.level = s; checkLevel(s, x, r, &d) }
                if let x = m["kind"], let s = r.string(x, "kind", &d) { p.kind = s; checkKind(s, x, r, &d) }
                reg.patterns.append(p)
            }
        }
        validate(reg, file: file, &d)
        validateDepartments(reg.departments, file: file, &d)
        return reg
    }

    static func readUnit(_ m: Node.Mapping, line: Int?, regions: [RegistryRegion], _ r: YAMLNodeReader, _ d: inout [Diagnostic]) -> RegistryUnit? {
        r.checkKeys(m, known: ["name", "aliases", "region", "level", "kind", "renamed", "note"], section: "unit", &d)
        guard let nn = m["name"], let name = r.string(nn, "name", &d) else {
            d.append(Diagnostic(id: "unit-no-name", severity: .error, message: "a unit entry needs a 'name' (its full official name)", file: r.file, line: line))
            return nil
        }
        var u = RegistryUnit(name: name, aliases: [], region: nil, level: "municipal", kind: "unit", line: line)
        if let x = m["aliases"], let seq = x.sequence {
            for a in seq { if let s = r.string(a, "aliases", &d) { u.aliases.append(s); u.aliasLines.append(a.mark?.line) } }
        } else if let x = m["aliases"] { _ = r.stringList(x, "aliases", &d) }
        if let x = m["region"], let s = r.string(x, "region", &d) {
            u.region = s
            if !regions.contains(where: { $0.name == s }) {
                d.append(Diagnostic(id: "unknown-region", severity: .error, message: "unknown region '\(s)' (not under 'regions')", file: r.file,
                                    line: x.mark?.line, suggestion: YAMLNodeReader.suggest(s, among: regions.map(\.name))))
            }
        }
        if let x = m["level"], let s = r.string(x, "level", &d) { u.level = s; checkLevel(s, x, r, &d) }
        if let x = m["kind"], let s = r.string(x, "kind", &d) { u.kind = s; checkKind(s, x, r, &d) }
        if let x = m["note"], let s = r.string(x, "note", &d) { u.note = s }
        if let x = m["renamed"], let rm = r.mapping(x, "renamed", &d) {
            r.checkKeys(rm, known: ["to", "date", "note"], section: "renamed", &d)
            if let t = rm["to"], let s = r.string(t, "to", &d) { u.renamedTo = s; u.renameLine = t.mark?.line }
            if let t = rm["date"], let s = r.string(t, "date", &d) { u.renamedDate = s }
            if let t = rm["note"], let s = r.string(t, "note", &d) { u.note = s }
            if u.renamedTo == nil {
                d.append(Diagnostic(id: "rename-no-target", severity: .error, message: "'renamed' needs 'to'", file: r.file, line: x.mark?.line))
            }
        }
        return u
    }

    static func checkLevel(_ s: String, _ n: Node, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) {
        guard !RegistryUnit.levels.contains(s) else { return }
        d.append(Diagnostic(id: "unknown-level", severity: .error, message: "unknown level '\(s)'", file: r.file, line: n.mark?.line,
                            suggestion: YAMLNodeReader.suggest(s, among: RegistryUnit.levels)))
    }

    static func checkKind(_ s: String, _ n: Node, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) {
        guard !RegistryUnit.kinds.contains(s) else { return }
        d.append(Diagnostic(id: "unknown-kind", severity: .error, message: "unknown kind '\(s)'", file: r.file, line: n.mark?.line,
                            suggestion: YAMLNodeReader.suggest(s, among: RegistryUnit.kinds)))
    }

    /// Duplicate aliases within a scope, renames to unknown units, rename cycles.
    static func validate(_ reg: UnitRegistry, file: String, _ d: inout [Diagnostic]) {
        func scope(_ u: RegistryUnit) -> String { u.region ?? (u.isGeneric ? "generic" : "national") }
        var seen: [String: RegistryUnit] = [:]
        for u in reg.units {
            let names = [u.isGeneric ? u.localName : u.name] + u.aliases
            for (i, a) in names.enumerated() {
                let key = scope(u) + "|" + a
                let line = i == 0 ? u.line : (u.aliasLines[i - 1] ?? u.line)
                if let other = seen[key], other.id != u.id {
                    d.append(Diagnostic(id: "duplicate-alias", severity: .error,
                                        message: "'\(a)' names both '\(other.name)' (line \(other.line.map(String.init) ?? "?")) and '\(u.name)' in scope \(scope(u))",
                                        file: file, line: line, suggestion: "remove the alias from one of them, or bind one entry to a region"))
                } else { seen[key] = u }
            }
        }
        // Rename graph over entry ids; the target is found in the entry's own scope first.
        func target(_ u: RegistryUnit) -> RegistryUnit? {
            guard let to = u.renamedTo else { return nil }
            let v = reg.vars(u.region)
            func names(_ x: RegistryUnit) -> [String] { [x.name, x.localName, x.expand(v)] + x.aliases }
            return reg.units.first { scope($0) == scope(u) && names($0).contains(to) }
                ?? reg.units.first { names($0).contains(to) }
        }
        for u in reg.units where u.renamedTo != nil {
            // A successor a department names in the entry's region (北京市民政局) ends the chain.
            if target(u) == nil, reg.resolveDepartment(RegistryUnit.fill(u.renamedTo!, reg.vars(u.region)), region: u.region) != nil { continue }
            guard target(u) != nil else {
                d.append(Diagnostic(id: "rename-unknown", severity: .error, message: "'\(u.name)' is renamed to '\(u.renamedTo!)', which no entry names",
                                    file: file, line: u.renameLine ?? u.line, suggestion: "add an entry for the successor"))
                continue
            }
            var cur = u, path = [u.name], ids: Set<String> = [u.id]
            while let next = target(cur) {
                path.append(next.name)
                if !ids.insert(next.id).inserted {
                    if next.id == u.id {
                        d.append(Diagnostic(id: "rename-cycle", severity: .error, message: "renames form a cycle: \(path.joined(separator: " → "))",
                                            file: file, line: u.renameLine ?? u.line, suggestion: "a successor cannot be renamed back to its predecessor"))
                    }
                    break
                }
                cur = next
            }
        }
    }
}
