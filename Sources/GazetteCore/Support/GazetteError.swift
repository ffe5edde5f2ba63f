/// A reason an input file could not be read; it becomes a `rejected` manifest entry.
public struct RejectReason: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable short code (e.g. `empty`, `binary`, `gzip-too-large`).
    public var code: String
    public var detail: String
    public init(_ code: String, _ detail: String) { self.code = code; self.detail = detail }
    public var description: String { "\(code): \(detail)" }
}

/// A configuration or usage problem (exit 2).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

import GazetteModel
