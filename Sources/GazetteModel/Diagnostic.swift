/// A problem found while reading configuration or input, printed like a compiler
/// diagnostic: `path:line:col: error: message [id]`.
public struct Diagnostic: Codable, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case error, warning, note }
    public var id: String
    public var severity: Severity
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var suggestion: String?

    public init(id: String, severity: Severity, message: String, file: String? = nil,
                line: Int? = nil, column: Int? = nil, suggestion: String? = nil) {
        self.id = id; self.severity = severity; self.message = message
        self.file = file; self.line = line; self.column = column; self.suggestion = suggestion
    }

    public var description: String {
        var loc = file ?? "gazette"
        if let line { loc += ":\(line)"; if let column { loc += ":\(column)" } }
        var s = "\(loc): \(severity.rawValue): \(message) [\(id)]"
        if let suggestion { s += "\n  suggestion: \(suggestion)" }
        return s
    }
}
