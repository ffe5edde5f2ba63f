import Foundation
import GazetteModel
import GazetteOutput

/// A flag set from a signal handler and read by worker threads.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    public init() {}
    public var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    public func set() { lock.lock(); value = true; lock.unlock() }
}

/// Runs `body(i)` for i in 0..<count on `workers` threads, each taking the next index;
/// stops handing out indices once `cancellation` is set.
enum ParallelLoop {
    static func run(count: Int, workers: Int, cancellation: CancellationFlag, _ body: @escaping @Sendable (Int) -> Void) {
        if count == 0 { return }
        let next = AtomicCounter()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while !cancellation.isSet {
                    let i = next.next()
                    if i >= count { break }
                    body(i)
                }
            }
        }
        group.wait()
    }
}

final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
    /// How many times `next` was called.
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}

/// One result slot per index, filled from worker threads.
final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); values[i] = v; lock.unlock() }
}

final class StampBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var stamps: [String: DocumentCache.FileStamp] = [:]
    func set(_ path: String, _ s: DocumentCache.FileStamp) { lock.lock(); stamps[path] = s; lock.unlock() }
}

/// Values kept in memory between stages up to a byte budget, so a run over a corpus of
/// any size holds a bounded amount; what does not fit is read again later (from the
/// cache or the input file) instead.
final class HeldValues<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: (Value, Int)] = [:]
    private var used = 0
    let budget: Int
    init(budget: Int) { self.budget = budget }

    /// Keeps `value` if `bytes` more fit in the budget; false when it was not kept.
    @discardableResult
    func offer(_ key: Key, _ value: Value, bytes: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard used + bytes <= budget else { return false }
        values[key] = (value, bytes)
        used += bytes
        return true
    }

    /// Keeps `value` whatever the budget (it could not be stored anywhere else).
    func force(_ key: Key, _ value: Value, bytes: Int) {
        lock.lock(); values[key] = (value, bytes); used += bytes; lock.unlock()
    }

    /// Removes and returns the value.
    func take(_ key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        guard let (v, b) = values.removeValue(forKey: key) else { return nil }
        used -= b
        return v
    }

    func contains(_ key: Key) -> Bool { lock.lock(); defer { lock.unlock() }; return values[key] != nil }

    /// Drops every value whose key fails `keep`.
    func retain(where keep: (Key) -> Bool) {
        lock.lock(); defer { lock.unlock() }
        for (k, (_, b)) in values where !keep(k) { values.removeValue(forKey: k); used -= b }
    }
}

/// Writes manifest.json deterministically (sorted keys) apart from the run section's timings.
public enum ManifestWriter {
    /// The manifest as JSONEncoder writes it (pretty-printed, sorted keys), encoded an input
    /// at a time and written a megabyte at a time: the encoder's tree of the whole manifest
    /// took 35 MiB at 100,000 inputs, at the very end of the run when memory is highest.
    public static func write(_ m: Manifest, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else { throw FileOutputError(description: "cannot create \(url.path)") }
        defer { try? handle.close() }
        try encode(m) { try handle.write(contentsOf: $0) }
    }

    /// The whole manifest's bytes (for tests).
    static func encode(_ m: Manifest) throws -> [UInt8] {
        var all: [UInt8] = []
        try encode(m) { all += $0 }
        return all
    }

    /// Hands the manifest's bytes to `emit` in pieces of about a megabyte.
    static func encode(_ m: Manifest, emit: ([UInt8]) throws -> Void) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if m.inputs.isEmpty { return try emit(Array(try enc.encode(m))) }
        // `"inputs" : [` sorts first; each input is indented two levels, as inside the whole.
        var out = Array("{\n  \"inputs\" : [\n".utf8)
        for (k, input) in m.inputs.enumerated() {
            if k > 0 { out += Array(",\n".utf8) }
            indent(Array(try enc.encode(input)), by: 4, into: &out, first: true)
            if out.count >= 1 << 20 { try emit(out); out.removeAll(keepingCapacity: true) }
        }
        out += Array("\n  ],\n  \"run\" : ".utf8)
        indent(Array(try enc.encode(m.run)), by: 2, into: &out)
        out += Array("\n}".utf8)
        try emit(out)
    }

    /// Appends `json` with its lines indented by `spaces` more — the first only when `first`
    /// (otherwise it follows what is already there); empty lines stay empty, as the encoder leaves them.
    static func indent(_ json: [UInt8], by spaces: Int, into out: inout [UInt8], first: Bool = false) {
        var lineStart = first
        for byte in json {
            if lineStart && byte != 10 { out += repeatElement(32, count: spaces) }
            out.append(byte)
            lineStart = byte == 10
        }
    }
}
