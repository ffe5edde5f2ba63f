/// The published document's fields, declared once: for every stored property of `Document`
/// and the records inside it, its JSON key and type, where the SQLite database and
/// `clauses.csv` put it (or why they do not), and what it means.
///
/// The JSON and binary-cache writers stay hand-written for speed; the JSON Schema is
/// generated from this table (`DocumentSchemaJSON`); the fill-every-field test proves every
/// stored property is declared here and comes back intact from every format; `fingerprint`
/// goes into the cache version, so a changed table invalidates cached documents.
/// Records list their fields in the order the Swift types declare them, which is also the
/// order of the binary cache.
public enum DocumentFields {
    /// A struct of the document: its fields in Swift declaration order.
    public struct Record: Sendable {
        /// The name in the JSON Schema's `$defs` (`document` is the schema's root).
        public let name: String
        /// The Swift type's name, as `String(describing:)` gives it.
        public let swiftType: String
        public let about: String
        public let fields: [Field]
    }

    /// One stored property.
    public struct Field: Sendable {
        /// The Swift property's name.
        public let property: String
        /// The JSON key.
        public let key: String
        public let type: FieldType
        /// A Swift optional, written as JSON null (or left out, for a unit's optionals) when nil.
        public let optional: Bool
        /// Listed in the schema's `required`: the fields DESIGN.md fixes. Later additions are
        /// optional so that output of earlier versions stays valid.
        public let required: Bool
        public let rule: Rule
        public let sqlite: Placement
        public let csv: Placement
        public let about: String

        public init(_ property: String, _ key: String, _ type: FieldType, optional: Bool = false, required: Bool = true,
                    _ rule: Rule = Rule(), sqlite: Placement, csv: Placement, _ about: String) {
            self.property = property; self.key = key; self.type = type; self.optional = optional
            self.required = required; self.rule = rule; self.sqlite = sqlite; self.csv = csv; self.about = about
        }
    }

    /// A field's JSON type.
    public indirect enum FieldType: Sendable, Equatable {
        case string, integer, number
        /// One of these string codes (a Swift enum's raw values, or a fixed list).
        case code([String])
        case list(FieldType)
        /// An object with free keys and values of one type.
        case map(FieldType)
        /// A declared record, by name.
        case record(String)

        var signature: String {
            switch self {
            case .string: return "string"
            case .integer: return "integer"
            case .number: return "number"
            case .code(let values): return "code(" + values.joined(separator: ",") + ")"
            case .list(let t): return "list(" + t.signature + ")"
            case .map(let t): return "map(" + t.signature + ")"
            case .record(let name): return "record(" + name + ")"
            }
        }
    }

    /// JSON Schema constraints beyond the type (none by default).
    public struct Rule: Sendable {
        public var pattern: String?
        public var minLength: Int?
        public var maxLength: Int?
        public var minimum: Double?
        public var maximum: Double?
        public var uniqueItems = false
        public var constant: Int?
        public init(pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, minimum: Double? = nil,
                    maximum: Double? = nil, uniqueItems: Bool = false, constant: Int? = nil) {
            self.pattern = pattern; self.minLength = minLength; self.maxLength = maxLength
            self.minimum = minimum; self.maximum = maximum; self.uniqueItems = uniqueItems; self.constant = constant
        }
    }

    /// Where a format puts a field.
    public enum Placement: Sendable, Equatable {
        /// The value in a column of a table (`clauses.csv` for the CSV); a list of strings
        /// joined with `separator`.
        case column(String, String, separator: String? = nil)
        /// A nested record whose fields go to the same row, each where it says.
        case inline
        /// A list of records, each element a row of the table.
        case rows(String)
        /// A list of records spread over columns: each element is one part of every column
        /// its fields name, parts joined with `separator` (a clause's units in the CSV).
        case parts(separator: String)
        /// Not in this format, and why.
        case absent(String)

        var signature: String {
            switch self {
            case .column(let t, let c, let s): return "column(\(t).\(c)" + (s.map { "," + $0.debugDescription } ?? "") + ")"
            case .inline: return "inline"
            case .rows(let t): return "rows(\(t))"
            case .parts(let s): return "parts(\(s))"
            case .absent: return "absent"
            }
        }
    }

    /// The record named `name`.
    public static func record(_ name: String) -> Record {
        guard let r = records.first(where: { $0.name == name }) else { preconditionFailure("no record \(name)") }
        return r
    }

    /// A short hash of everything here that shapes the cache and the published files (names,
    /// keys, types, placements; not the descriptions): part of the cache version.
    public static let fingerprint: String = {
        var text = ""
        for r in records {
            text += "record \(r.name) \(r.swiftType)\n"
            for f in r.fields {
                text += [f.property, f.key, f.type.signature, f.optional ? "optional" : "value", f.sqlite.signature, f.csv.signature]
                    .joined(separator: "|") + "\n"
            }
        }
        // FNV-1a, 64 bits: stable across runs and platforms (Swift's Hasher is seeded per process).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }()
}
