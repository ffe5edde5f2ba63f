import Foundation
import GazetteModel

/// Stage 5: label each clause with an area, topics and units (taxonomy and unit registry).
///
/// Foundation version: every clause gets the area `general` until the taxonomy lands.
public struct Classifier: Sendable {
    public init() {}
    public func classify(_ doc: Document) -> Document { doc }
}

extension Classifier {
    /// Hash of the taxonomy, registry and overrides in force: part of the cache key, so
    /// that an editor's change to them reclassifies every document.
    public var fingerprint: String { "classifier-none" }
}
