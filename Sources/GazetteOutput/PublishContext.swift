import Foundation

/// What the runner tells a sink before `begin` about reusing work across runs.
public struct PublishContext: Sendable {
    /// The Output/ being replaced, trusted by the runner as what its ledger describes
    /// (`PublishLedger`): its folder and its manifest's `run.fingerprint`.
    public struct Previous: Sendable {
        public var output: URL
        public var fingerprint: String
        public init(output: URL, fingerprint: String) { self.output = output; self.fingerprint = fingerprint }
    }

    /// A folder of the cache for this sink's own state (created by the sink when it writes there).
    public var state: URL
    /// The Output/ to reuse from; nil with `--full`, on a first run, or when Output/ is not the one last published.
    public var previous: Previous?
    public init(state: URL, previous: Previous?) { self.state = state; self.previous = previous }
}
