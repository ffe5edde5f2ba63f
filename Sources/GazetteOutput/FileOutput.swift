import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file with open, write and close: no `fsync`, which Foundation's
/// `Data.write(to:)` does for every file (30,000 of them at 10,000 documents, each one a
/// wait on the disk). Output/ is made durable once, before the staged tree is swapped in
/// (`StagingArea.commit`).
public enum FileOutput {
    /// Creates or truncates `url` and writes `bytes` to it (mode 0666 less the umask, as
    /// Foundation does).
    public static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to url: URL) throws {
        let fd = url.withUnsafeFileSystemRepresentation { path -> Int32 in
            guard let path else { errno = EINVAL; return -1 }
            return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw failure("cannot create", url) }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                off += n
            }
        }
        let saved = errno
        if close(fd) != 0 && ok { ok = false } else if !ok { errno = saved }
        guard ok else { throw failure("cannot write", url) }
    }

    /// Replaces `url` with `bytes` (its folder made if missing) through a temporary file
    /// renamed over it, so a reader or a killed run sees the old file or the new one whole.
    /// For the cache's small state files; false when it could not be written.
    @discardableResult
    public static func replace(_ bytes: Data, at url: URL) -> Bool {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmp = folder.appendingPathComponent(url.lastPathComponent + ".tmp-\(getpid())")
        guard (try? write(bytes, to: tmp)) != nil, rename(tmp.path, url.path) == 0 else { unlink(tmp.path); return false }
        return true
    }

    static func failure(_ what: String, _ url: URL) -> FileOutputError {
        FileOutputError(description: "\(what) \(url.path): \(String(cString: strerror(errno)))")
    }
}

/// A file of the output that could not be written (the run stops; Output/ is left as it was).
public struct FileOutputError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}
