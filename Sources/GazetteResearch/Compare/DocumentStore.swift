import Foundation
import GazetteCore
import GazetteModel

/// Reads published documents from an Output folder: `documents/<id>.json`, or
/// `corpus.jsonl.gz` when the per-document files are absent.
public enum DocumentStore {
    public enum Failure: Error, CustomStringConvertible {
        case notFound(String), unreadable(String, String)
        public var description: String {
            switch self {
            case .notFound(let s): return "no published documents in \(s)"
            case .unreadable(let p, let why): return "cannot read \(p): \(why)"
            }
        }
    }

    /// Every document under `output`, in id order.
    public static func loadAll(output: URL) throws -> [Document] {
        let dir = output.appendingPathComponent("documents")
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: dir.path), names.contains(where: { $0.hasSuffix(".json") }) {
            return try names.filter { $0.hasSuffix(".json") }.sorted().map { try load(file: dir.appendingPathComponent($0)) }
                .sorted { $0.id < $1.id }
        }
        let gz = output.appendingPathComponent("corpus.jsonl.gz")
        guard let data = fm.contents(atPath: gz.path) else { throw Failure.notFound(output.path) }
        let bytes: [UInt8]
        do { bytes = try Gzip.inflate(Array(data), cap: 1 << 31) } catch { throw Failure.unreadable(gz.path, "\(error)") }
        var docs: [Document] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            do { docs.append(try JSONDecoder().decode(Document.self, from: Data(line))) } catch { throw Failure.unreadable(gz.path, "\(error)") }
        }
        return docs.sorted { $0.id < $1.id }
    }

    /// One document record (`documents/<id>.json` or any file holding one).
    public static func load(file: URL) throws -> Document {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw Failure.notFound(file.path) }
        do { return try JSONDecoder().decode(Document.self, from: data) } catch { throw Failure.unreadable(file.path, "\(error)") }
    }
}
