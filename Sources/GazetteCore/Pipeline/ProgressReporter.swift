/// Receives progress of a run: a terminal bar, log lines, or nothing.
public protocol ProgressReporter: AnyObject, Sendable {
    func stage(_ name: String, total: Int)
    func advance(_ count: Int)
    func log(_ message: String)
    func finishStage()
}

/// A reporter that says nothing (`--quiet`, tests).
public final class SilentProgress: ProgressReporter, @unchecked Sendable {
    public init() {}
    public func stage(_ name: String, total: Int) {}
    public func advance(_ count: Int) {}
    public func log(_ message: String) {}
    public func finishStage() {}
}
