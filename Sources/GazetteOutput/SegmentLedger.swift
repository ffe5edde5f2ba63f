import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where each document's bytes lie in an output file made of per-document segments in id
/// order — `clauses.csv`'s rows, `corpus.jsonl.gz`'s gzip members — so that the next run
/// copies the segment of a document whose final form did not change from the previous
/// Output/'s file instead of encoding (and compressing) it again.
///
/// Kept in the sink's state folder (`<file>.segments`: a header with the fingerprint of the
/// Output/ it describes, then `id TAB offset TAB length` lines) and trusted only for that
/// Output/ (`PublishContext.previous`). Reading previous segments is safe from any thread.
public final class SegmentLedger: @unchecked Sendable {
    struct Segment { var offset: Int64; var length: Int }
    static let magic = "gazette-segments-1"

    /// The file's path relative to the output folder.
    public let file: String
    let state: URL?
    private var previous: [String: Segment] = [:]
    private var fd: Int32 = -1
    private var current: [(String, Segment)] = []

    /// Loads the segments of the previous Output/'s `file` when `context` says it may be reused.
    public init(context: PublishContext?, file: String) {
        self.file = file
        state = context?.state
        guard let context, let old = context.previous,
              let data = FileManager.default.contents(atPath: Self.path(context.state, file)),
              let text = String(data: data, encoding: .utf8) else { return }
        var lines = text.split(separator: "\n").makeIterator()
        guard lines.next() == Substring("\(Self.magic)\t\(old.fingerprint)") else { return }
        var segments: [String: Segment] = [:]
        while let line = lines.next() {
            let f = line.split(separator: "\t")
            guard f.count == 3, let o = Int64(f[1]), let n = Int(f[2]) else { return }
            segments[String(f[0])] = Segment(offset: o, length: n)
        }
        let handle = open(old.output.appendingPathComponent(file).path, O_RDONLY | O_CLOEXEC)
        guard handle >= 0 else { return }
        fd = handle; previous = segments
    }

    deinit { if fd >= 0 { close(fd) } }

    static func path(_ state: URL, _ file: String) -> String {
        state.appendingPathComponent(file.replacingOccurrences(of: "/", with: "_") + ".segments").path
    }

    /// The document's segment in the previous Output/'s file, or nil when there is none.
    public func previousSegment(_ id: String) -> Data? {
        guard fd >= 0, let s = previous[id] else { return nil }
        var data = Data(count: s.length)
        let ok = data.withUnsafeMutableBytes { raw -> Bool in
            var done = 0
            while done < s.length {
                let n = pread(fd, raw.baseAddress! + done, s.length - done, off_t(s.offset) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return ok ? data : nil
    }

    /// Notes that this run wrote `id`'s segment at `offset` (calls come in write order).
    public func record(_ id: String, offset: Int, length: Int) {
        current.append((id, Segment(offset: Int64(offset), length: length)))
    }

    /// Writes this run's segments for the Output/ whose manifest fingerprint is `output`.
    public func store(output fingerprint: String?) {
        guard let state, let fingerprint else { return }
        var text = "\(Self.magic)\t\(fingerprint)\n"
        for (id, s) in current { text += "\(id)\t\(s.offset)\t\(s.length)\n" }
        FileOutput.replace(Data(text.utf8), at: URL(fileURLWithPath: Self.path(state, file)))
    }
}
