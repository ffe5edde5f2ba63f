import COpenCC
import Foundation

/// One OpenCC converter (C API, in-process). Not thread-safe: use one per thread
/// (`OpenCCPool` hands them out).
public final class OpenCCConverter: @unchecked Sendable {
    public let config: String
    private let handle: opencc_t
    /// The configuration's triggers: lines without them skip OpenCC (nil: convert everything).
    public let triggers: ConversionTriggers?
    /// The Swift replay of the configuration (t2s), used instead of OpenCC's own matching.
    private(set) lazy var replay: OpenCCReplay? = tablesMatch ? OpenCCReplay.shared(config: config, converter: self) : nil
    /// Whether the data directory holds the dictionaries `ConversionTriggerData` describes.
    private let tablesMatch: Bool

    /// Opens `config` (e.g. "t2s", "tw2sp", "hk2s") from the OpenCC data folder.
    public init(config: String, dataDirectory: URL) throws {
        let path = dataDirectory.appendingPathComponent(config + ".json").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError([.init(id: "opencc-config-missing", severity: .error,
                message: "OpenCC configuration \(config).json not found in \(dataDirectory.path)",
                suggestion: "run `make` (it unpacks OpenCC 1.4.2 into .deps/) or set GAZETTE_OPENCC_DATA")])
        }
        guard let h = opencc_open(path), h != opencc_t(bitPattern: -1) else {
            let msg = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw ConfigurationError([.init(id: "opencc-open-failed", severity: .error, message: "OpenCC could not open \(path): \(msg)")])
        }
        self.config = config
        self.handle = h
        // The generated tables describe OpenCC 1.4.2's dictionaries: use them only with those.
        self.tablesMatch = ConversionTriggerData.dictionarySizes.allSatisfy { name, size in
            let attributes = try? FileManager.default.attributesOfItem(atPath: dataDirectory.appendingPathComponent(name).path)
            return (attributes?[.size] as? Int) == size
        }
        self.triggers = tablesMatch ? ConversionTriggers.forConfig(config) : nil
    }

    deinit { opencc_close(handle) }

    /// Convert UTF-8 text.
    public func convert(_ text: String) -> String {
        if text.isEmpty { return text }
        var utf8 = Array(text.utf8)
        let count = utf8.count
        return utf8.withUnsafeMutableBufferPointer { buf -> String in
            let p = UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let out = opencc_convert_utf8(handle, p, count) else { return text }
            defer { opencc_convert_utf8_free(out) }
            return String(cString: out)
        }
    }

    /// Convert UTF-8 bytes, appending the result to `output`.
    public func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
        let start = output.count
        if let replay {
            if replay.convert(input, with: self, appendingTo: &output) { return }
        } else if forEachConvertedPiece(input, { output.append(contentsOf: $0) }) {
            return
        }
        // Not well-formed UTF-8: OpenCC decides on the whole input, as it always did.
        output.removeSubrange(start...)
        withConverted(input) { out, _ in output.append(contentsOf: out) }
    }

    /// Convert UTF-8 bytes and hand the result to `body` in consecutive pieces: lines that
    /// cannot change (see `ConversionTriggers`) straight from `input`, the others from OpenCC.
    /// Returns false when the pieces may differ from converting `input` whole (it is not
    /// well-formed UTF-8, which OpenCC rejects); callers then discard what `body` received
    /// and use `withConverted` on the whole input.
    public func forEachConvertedPiece(_ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
        guard let triggers else { return try withConverted(input) { try body($0); return $1 } }
        var converted = true
        let wellFormed = try triggers.forEachSpan(input) { span, triggered in
            if triggered { converted = try withConverted(span) { try body($0); return $1 } && converted } else { try body(span) }
        }
        return wellFormed && converted
    }

    /// Convert UTF-8 bytes (all of them, whole) and hand OpenCC's output buffer to `body`
    /// without copying it, with true; or `input` itself with false when OpenCC rejects it.
    public func withConverted<T>(_ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> T) rethrows -> T {
        guard let base = input.baseAddress, input.count > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0), true) }
        let p = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard let out = opencc_convert_utf8(handle, p, input.count) else { return try body(input, false) }
        defer { opencc_convert_utf8_free(out) }
        let length = strlen(out)
        return try out.withMemoryRebound(to: UInt8.self, capacity: length) { try body(UnsafeBufferPointer(start: $0, count: length), true) }
    }

    /// Where OpenCC's dictionaries are: $GAZETTE_OPENCC_DATA, beside the executable
    /// (`make` copies them there), the project's .deps/, then the system's.
    public static func locateDataDirectory() -> URL? {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["GAZETTE_OPENCC_DATA"] { candidates.append(URL(fileURLWithPath: env)) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("opencc"))
        // Walk up from the executable and the working directory looking for .deps/opencc.
        for start in [exe, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var dir = start
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent(".deps/opencc/share/opencc"))
                dir.deleteLastPathComponent()
            }
        }
        candidates.append(URL(fileURLWithPath: "/usr/share/opencc"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("t2s.json").path) }
    }
}

/// Converters per thread, opened once and reused (opening loads the dictionaries).
public final class OpenCCPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [String: [OpenCCConverter]] = [:]
    public let dataDirectory: URL

    public init(dataDirectory: URL) { self.dataDirectory = dataDirectory }

    /// Borrow a converter for `config`, run `body`, and return it to the pool.
    public func with<T>(_ config: String, _ body: (OpenCCConverter) throws -> T) throws -> T {
        lock.lock()
        let c = free[config]?.popLast()
        lock.unlock()
        let conv = try c ?? OpenCCConverter(config: config, dataDirectory: dataDirectory)
        defer { lock.lock(); free[config, default: []].append(conv); lock.unlock() }
        return try body(conv)
    }
}
