import Foundation
import GazetteCore
import GazetteModel

/// Documents kept on disk until they are needed again: appended in `DocumentBinary` form to
/// one file, each read back by its index. Holds in memory only the caller's `Key` per
/// document and a write buffer, so a sink that needs every document at its end costs disk,
/// not memory.
final class DocumentSpill<Key> {
    /// A spilled document that cannot be read back (the file was changed or cut).
    struct Unreadable: Error, CustomStringConvertible {
        var path: String
        var index: Int
        var description: String { "the document \(index) kept in \(path) cannot be read back" }
    }

    let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var keys: [Key] = []
    private var ranges: [Range<Int>] = []
    private var written = 0
    /// Bytes gathered before they are written out.
    let bufferSize: Int

    init(url: URL, bufferSize: Int = 1 << 20) throws {
        self.url = url; self.bufferSize = bufferSize
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
    }

    /// Appends `document`; returns the SHA-256 of its record, which identifies what was kept.
    @discardableResult
    func append(_ document: Document, key: Key) throws -> String {
        let start = written + buffer.count, local = buffer.count
        DocumentBinary.encode(document, into: &buffer)
        ranges.append(start..<(written + buffer.count))
        keys.append(key)
        let digest = buffer.withUnsafeBytes { SHA256Digest.hex(UnsafeRawBufferPointer(rebasing: $0[local...])) }
        if buffer.count >= bufferSize { try flush() }
        return digest
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and opens the file for reading.
    func close() throws -> Stored {
        try flush()
        try handle.close()
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        return Stored(path: url.path, data: data, keys: keys, ranges: ranges)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// The spilled documents, read back from the (mapped) file.
    struct Stored {
        let path: String
        let data: Data
        let keys: [Key]
        let ranges: [Range<Int>]

        func document(_ i: Int) throws -> Document {
            let r = ranges[i]
            guard r.upperBound <= data.count else { throw Unreadable(path: path, index: i) }
            let d = data[data.startIndex + r.lowerBound ..< data.startIndex + r.upperBound].withUnsafeBytes { DocumentBinary.decode($0) }
            guard let d else { throw Unreadable(path: path, index: i) }
            return d
        }
    }
}
