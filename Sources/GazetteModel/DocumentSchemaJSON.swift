/// schema/document.schema.json (JSON Schema 2020-12), generated from `DocumentFields`: the
/// document is the root, every other record a `$defs` entry. A test compares the checked-in
/// file with `text`; `GAZETTE_RECORD=1` rewrites it.
public enum DocumentSchemaJSON {
    public static var text: String {
        let root = DocumentFields.record("document")
        var lines = ["{"]
        var top: [(String, Node)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://gazette.invalid/schema/document.schema.json")),
            ("title", .string("gazette document (schema_version 1)")),
            ("description", .string(root.about + " Generated from DocumentFields (Sources/GazetteModel): edit the fields there.")),
        ]
        top += header(root)
        for (k, v) in top { lines.append("  " + quoted(k) + ": " + inline(v) + ",") }
        lines += properties(root, indent: "  ")
        lines[lines.count - 1] += ","
        lines.append("  \"$defs\": {")
        let defs = DocumentFields.records.filter { $0.name != root.name }
        for (i, r) in defs.enumerated() {
            lines.append("    " + quoted(r.name) + ": {")
            for (k, v) in [("description", Node.string(r.about))] + header(r) { lines.append("      " + quoted(k) + ": " + inline(v) + ",") }
            lines += properties(r, indent: "      ")
            lines.append("    }" + (i + 1 < defs.count ? "," : ""))
        }
        lines.append("  }")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ r: DocumentFields.Record) -> [(String, Node)] {
        [("type", .string("object")), ("required", .array(r.fields.filter(\.required).map { .string($0.key) }))]
    }

    /// `"properties": { … }`, one field a line.
    static func properties(_ r: DocumentFields.Record, indent: String) -> [String] {
        var lines = [indent + "\"properties\": {"]
        for (i, f) in r.fields.enumerated() {
            lines.append(indent + "  " + quoted(f.key) + ": " + inline(schema(f)) + (i + 1 < r.fields.count ? "," : ""))
        }
        lines.append(indent + "}")
        return lines
    }

    /// One field's schema: its type, its constraints, its description.
    static func schema(_ f: DocumentFields.Field) -> Node {
        var out = typeKeywords(f.type, nullable: f.optional)
        let r = f.rule
        if let v = r.constant { out.append(("const", .number(Double(v)))) }
        if let v = r.pattern { out.append(("pattern", .string(v))) }
        if let v = r.minLength { out.append(("minLength", .number(Double(v)))) }
        if let v = r.maxLength { out.append(("maxLength", .number(Double(v)))) }
        if let v = r.minimum { out.append(("minimum", .number(v))) }
        if let v = r.maximum { out.append(("maximum", .number(v))) }
        if r.uniqueItems { out.append(("uniqueItems", .bool(true))) }
        out.append(("description", .string(f.about)))
        return .object(out)
    }

    static func typeKeywords(_ t: DocumentFields.FieldType, nullable: Bool = false) -> [(String, Node)] {
        func named(_ name: String) -> Node { nullable ? .array([.string(name), .string("null")]) : .string(name) }
        switch t {
        case .string: return [("type", named("string"))]
        case .integer: return [("type", named("integer"))]
        case .number: return [("type", named("number"))]
        case .code(let values): return [("enum", .array(values.map(Node.string) + (nullable ? [.null] : [])))]
        case .list(let item): return [("type", named("array")), ("items", .object(typeKeywords(item)))]
        case .map(let value): return [("type", named("object")), ("additionalProperties", .object(typeKeywords(value)))]
        case .record(let name):
            let ref = Node.object([("$ref", .string("#/$defs/" + name))])
            return nullable ? [("anyOf", .array([ref, .object([("type", .string("null"))])]))] : [("$ref", .string("#/$defs/" + name))]
        }
    }

    /// A JSON value whose objects keep their keys in the order given.
    indirect enum Node {
        case string(String), number(Double), bool(Bool), null, array([Node]), object([(String, Node)])
    }

    static func inline(_ n: Node) -> String {
        switch n {
        case .string(let s): return quoted(s)
        case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a): return "[" + a.map(inline).joined(separator: ", ") + "]"
        case .object(let o): return "{ " + o.map { quoted($0.0) + ": " + inline($0.1) }.joined(separator: ", ") + " }"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where u.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
