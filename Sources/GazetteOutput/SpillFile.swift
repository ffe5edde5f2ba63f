import Foundation

/// Records kept on disk between the stage that makes them and the one that reads them
/// back, so that what a run holds does not grow with the corpus: appended to one file in
/// `folder`, which is unlinked as soon as it is opened (nothing is left behind however the
/// run ends), and read back with `pread`. (A mapped file would count every page read as the
/// process's resident memory until the kernel wants it back, and the peak RSS is what the
/// memory budget is measured by.) Appends are safe from any number of threads. Without a
/// folder, or once a write fails (a full disk), records are kept in memory instead: the run
/// goes on, only its memory is no longer bounded.
public final class SpillFile: @unchecked Sendable {
    /// Where a record is: a byte range of the file, or (negative offset) of the memory buffer.
    public struct Ref: Sendable, Equatable {
        public let offset: Int
        public let length: Int
        public init(offset: Int, length: Int) { self.offset = offset; self.length = length }
    }

    /// A record that cannot be read back (the file was cut).
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String { "a record kept in a spill file cannot be read back" }
    }

    private let lock = NSLock()
    private var fd: Int32 = -1
    private var writable = false
    private var end = 0
    private var memory: [UInt8] = []

    public init(folder: URL?, name: String = "records") {
        guard let folder else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(".\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).spill").path
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { unlink(path); writable = true }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Bytes on disk (for reports).
    public var diskBytes: Int { lock.lock(); defer { lock.unlock() }; return end }

    public func append(_ bytes: [UInt8]) -> Ref {
        lock.lock(); defer { lock.unlock() }
        if writable {
            let at = end
            if bytes.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, off_t(at)) }) == bytes.count {
                end += bytes.count
                return Ref(offset: at, length: bytes.count)
            }
            writable = false   // what was written stays readable
        }
        let ref = Ref(offset: -1 - memory.count, length: bytes.count)
        memory += bytes
        return ref
    }

    public func read(_ ref: Ref) throws -> [UInt8] {
        if ref.offset < 0 {
            lock.lock(); defer { lock.unlock() }
            let start = -1 - ref.offset
            return Array(memory[start..<(start + ref.length)])
        }
        var bytes = [UInt8](repeating: 0, count: ref.length)
        var done = 0
        while done < ref.length {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, ref.length - done, off_t(ref.offset + done)) }
            guard n > 0 else { throw Unreadable() }
            done += n
        }
        return bytes
    }
}
