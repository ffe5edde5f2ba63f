import CGazetteSys
import Foundation
import GazetteOutput

/// Writes a new Output/ beside the old one and swaps it in atomically.
///
/// The staging folder is `.<output>.staging-<pid>` in the same parent (same file
/// system). On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at every instant
/// `Output/` is either the old complete tree or the new one. Where exchange is not
/// supported the fallback is two renames, with the old tree kept until the second
/// has succeeded. Leftover staging folders of killed runs are removed under the lock.
public struct StagingArea {
    public let output: URL
    public let staging: URL

    public init(output: URL) {
        self.output = output
        staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
    }

    /// Remove staging folders left by runs that died (call while holding the lock).
    public func removeStale() {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        let old = ".\(output.lastPathComponent).old-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) || name.hasPrefix(old) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    public func prepare() throws {
        removeStale()
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Swap the staging folder in as the output folder.
    public func commit() throws {
        let fm = FileManager.default
        // The staged files reach the disk before their names are swapped in (one syncfs for
        // the whole tree; the files themselves are written without an fsync each), so a
        // power cut cannot leave Output/ naming files the disk never got.
        if gazette_sync_filesystem(staging.path) != 0 {
            throw FileOutputError(description: "cannot flush \(staging.path) to disk: \(String(cString: strerror(errno)))")
        }
        defer { _ = gazette_sync_directory(output.deletingLastPathComponent().path) }   // the swap itself
        if !fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if gazette_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)   // now holds the old tree
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try fm.moveItem(at: output, to: old)
        do { try fm.moveItem(at: staging, to: output) } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    public func abandon() { try? FileManager.default.removeItem(at: staging) }
}
