import Foundation
import GazetteModel

/// Reads the model's values through Mirror, so the checks see every stored property, the
/// ones added after these tests were written included.
enum FieldMirror {
    typealias Record = DocumentFields.Record
    typealias Field = DocumentFields.Field

    /// A leaf value as the formats write it.
    enum Scalar: Equatable, CustomStringConvertible {
        case text(String), int(Int), real(Double), null
        var description: String {
            switch self {
            case .text(let s): return "\"\(s)\""
            case .int(let n): return String(n)
            case .real(let x): return String(x)
            case .null: return "null"
            }
        }
    }

    /// The stored property `name` of a struct value (the Optional itself for an optional).
    static func property(_ value: Any, _ name: String) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == name }?.value
    }

    /// An optional's payload (nil when empty); any other value as it is.
    static func unwrapped(_ value: Any) -> Any? {
        let m = Mirror(reflecting: value)
        guard m.displayStyle == .optional else { return value }
        return m.children.first.map { unwrapped($0.value) } ?? nil
    }

    static func scalar(_ value: Any?) -> Scalar? {
        guard let value = value.flatMap(unwrapped) else { return .null }
        switch value {
        case let s as String: return .text(s)
        case let n as Int: return .int(n)
        case let x as Double: return .real(x)
        case let r as any RawRepresentable: return (r.rawValue as? String).map(Scalar.text)
        default: return nil
        }
    }

    /// A value for a failure message.
    static func shown(_ value: Any) -> String { scalar(value)?.description ?? String(describing: value) }

    static func elements(_ value: Any?) -> [Any] { value.flatMap(unwrapped).map { Mirror(reflecting: $0).children.map(\.value) } ?? [] }

    /// The fields of `record` whose Swift properties are missing, extra or out of order on `value`.
    static func declarationProblems(_ value: Any, _ record: Record) -> [String] {
        let labels = Mirror(reflecting: value).children.compactMap(\.label), declared = record.fields.map(\.property)
        guard labels != declared else { return [] }
        var out = Set(labels).subtracting(declared).sorted().map {
            "\(record.swiftType).\($0) is a stored property that DocumentFields does not declare (record \(record.name))"
        }
        out += Set(declared).subtracting(labels).sorted().map { "\(record.swiftType).\($0) is declared in DocumentFields but is not a stored property" }
        if out.isEmpty { out.append("\(record.swiftType): DocumentFields lists \(declared) but the Swift type declares \(labels)") }
        return out
    }

    /// Whether the Swift value kind agrees with the declared type (and optionality).
    static func typeProblem(_ value: Any, _ field: Field, in record: Record) -> String? {
        let name = "\(record.swiftType).\(field.property)"
        let isOptional = Mirror(reflecting: value).displayStyle == .optional
        if isOptional != field.optional { return "\(name): declared \(field.optional ? "optional" : "not optional"), the Swift type says otherwise" }
        guard let v = unwrapped(value) else { return nil }
        func fits(_ v: Any, _ t: DocumentFields.FieldType) -> Bool {
            switch t {
            case .string: return v is String
            case .integer: return v is Int
            case .number: return v is Double
            case .code(let codes): return v is String || (scalar(v).map { if case .text(let s) = $0 { return codes.contains(s) } else { return false } } ?? false)
            case .list(let item): return Mirror(reflecting: v).displayStyle == .collection && elements(v).allSatisfy { fits($0, item) }
            case .map(let item): return (v as? [String: Any]).map { $0.values.allSatisfy { fits($0, item) } } ?? false
            case .record(let r): return String(describing: type(of: v)) == DocumentFields.record(r).swiftType
            }
        }
        return fits(v, field.type) ? nil : "\(name): the value \(v) is not of the declared type \(field.type)"
    }

    /// Every declared record met in `document`, checked against its Swift type, and every
    /// field's value checked to be set and distinct (see FilledDocument).
    static func fillProblems(_ document: Document) -> [String] {
        var problems: [String] = [], met: Set<String> = []
        var texts: [(String, String)] = [], numbers: [String: String] = [:], codes: [String: String] = [:]
        func visit(_ value: Any, _ record: Record, _ path: String) {
            met.insert(record.name)
            problems += declarationProblems(value, record)
            for f in record.fields {
                guard let raw = property(value, f.property) else { continue }
                let p = path.isEmpty ? f.key : path + "." + f.key
                if let t = typeProblem(raw, f, in: record) { problems.append(t); continue }
                guard let v = unwrapped(raw) else { problems.append("\(p): nil; set every optional"); continue }
                leaf(v, f.type, p)
            }
        }
        func leaf(_ v: Any, _ type: DocumentFields.FieldType, _ p: String) {
            switch type {
            case .record(let name): visit(v, DocumentFields.record(name), p)
            case .list(let item):
                let items = elements(v)
                if items.isEmpty { problems.append("\(p): empty; give every list an element") }
                for (k, e) in items.enumerated() { leaf(e, item, "\(p)[\(k)]") }
            case .map(let item):
                let m = v as? [String: Any] ?? [:]
                if m.isEmpty { problems.append("\(p): empty; give every map an entry") }
                for k in m.keys.sorted() { leaf(m[k]!, item, "\(p)[\(k)]") }
            case .code: if case .text(let s)? = scalar(v), let other = codes.updateValue(p, forKey: s) { problems.append("\(p) and \(other) share the code \(s)") }
            case .string, .integer, .number:
                switch scalar(v) {
                case .text(let s)?: texts.append((p, s))
                case let n?: if let other = numbers.updateValue(p, forKey: n.description) { problems.append("\(p) and \(other) share the value \(n)") }
                    if n == .int(0) || n == .real(0) { problems.append("\(p): zero; use a distinct non-zero value") }
                default: problems.append("\(p): not a leaf value")
                }
            }
        }
        visit(document, DocumentFields.record("document"), "")
        for (p, s) in texts {
            if s.isEmpty { problems.append("\(p): empty string") }
            for (q, t) in texts where q != p && !s.isEmpty && t.contains(s) { problems.append("\(p) (\(s)) is inside \(q); make it distinct") }
        }
        for r in DocumentFields.records where !met.contains(r.name) { problems.append("record \(r.name) (\(r.swiftType)) is not in the filled document") }
        return problems
    }

    /// Paths where `a` and `b` differ, walked by the declaration.
    static func differences(_ a: Any, _ b: Any, _ record: Record, _ path: String = "") -> [String] {
        var out: [String] = []
        func compare(_ x: Any?, _ y: Any?, _ type: DocumentFields.FieldType, _ p: String, _ owner: String) {
            let x = x.flatMap(unwrapped), y = y.flatMap(unwrapped), name = "\(p) (\(owner))"
            if x == nil || y == nil {
                if (x == nil) != (y == nil) { out.append("\(name): \(x.map(shown) ?? "nil") became \(y.map(shown) ?? "nil")") }
                return
            }
            switch type {
            case .record(let r): out += differences(x!, y!, DocumentFields.record(r), p)
            case .list(let item):
                let ex = elements(x), ey = elements(y)
                if ex.count != ey.count { out.append("\(name): \(ex.count) elements became \(ey.count)"); return }
                for k in ex.indices { compare(ex[k], ey[k], item, "\(p)[\(k)]", owner) }
            case .map(let item):
                let mx = x as? [String: Any] ?? [:], my = y as? [String: Any] ?? [:]
                if mx.keys.sorted() != my.keys.sorted() { out.append("\(name): keys \(mx.keys.sorted()) became \(my.keys.sorted())"); return }
                for k in mx.keys.sorted() { compare(mx[k], my[k], item, "\(p)[\(k)]", owner) }
            default:
                if scalar(x) != scalar(y) { out.append("\(name): \(shown(x!)) became \(shown(y!))") }
            }
        }
        for f in record.fields {
            compare(property(a, f.property), property(b, f.property), f.type, path.isEmpty ? f.key : path + "." + f.key, "\(record.swiftType).\(f.property)")
        }
        return out
    }
}

extension FieldMirror {
    /// Every leaf value of `document` (map keys aside), named by path and Swift property.
    static func leaves(_ document: Document) -> [(name: String, value: Scalar)] {
        var out: [(name: String, value: Scalar)] = []
        func visit(_ value: Any, _ record: Record, _ path: String) {
            for f in record.fields {
                let p = (path.isEmpty ? "" : path + ".") + f.key
                leaf(property(value, f.property).flatMap(unwrapped), f.type, "\(p) (\(record.swiftType).\(f.property))", p)
            }
        }
        func leaf(_ v: Any?, _ type: DocumentFields.FieldType, _ name: String, _ path: String) {
            guard let v else { return }
            switch type {
            case .record(let r): visit(v, DocumentFields.record(r), path)
            case .list(let item): for (k, e) in elements(v).enumerated() { leaf(e, item, name + "[\(k)]", "\(path)[\(k)]") }
            case .map(let item): let m = v as? [String: Any] ?? [:]; for k in m.keys.sorted() { leaf(m[k], item, name + "[\(k)]", "\(path)[\(k)]") }
            default: if let s = scalar(v) { out.append((name, s)) }
            }
        }
        visit(document, DocumentFields.record("document"), "")
        return out
    }
}
