import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput

/// Documents kept on disk until they are needed again: appended in `DocumentBinary` form to
/// a `SpillFile`, each read back by its index. Holds in memory only the caller's `Key` and
/// a file reference per document, so a sink that needs every document at its end costs
/// disk, not memory. (It had mapped the file: every page read stayed in the resident set
/// until the end of the research pages.)
final class DocumentSpill<Key> {
    /// A spilled document that cannot be read back (the file was changed or cut).
    struct Unreadable: Error, CustomStringConvertible {
        var index: Int
        var description: String { "the document \(index) kept for the research pages cannot be read back" }
    }

    private let file: SpillFile
    private var keys: [Key] = []
    private var refs: [SpillFile.Ref] = []

    /// A spill file in `folder` (unlinked at once: nothing to remove afterwards).
    init(folder: URL) {
        file = SpillFile(folder: folder, name: "research-documents")
    }

    /// Appends `document`; returns the SHA-256 of its record, which identifies what was kept.
    @discardableResult
    func append(_ document: Document, key: Key) throws -> String {
        var bytes: [UInt8] = []
        DocumentBinary.encode(document, into: &bytes)
        refs.append(file.append(bytes))
        keys.append(key)
        return bytes.withUnsafeBytes { SHA256Digest.hex($0) }
    }

    /// Every document appended, to be read back.
    func close() -> Stored { Stored(file: file, keys: keys, refs: refs) }

    /// The spilled documents, read back from the file.
    struct Stored {
        let file: SpillFile
        let keys: [Key]
        let refs: [SpillFile.Ref]

        func document(_ i: Int) throws -> Document {
            guard let bytes = try? file.read(refs[i]), let d = bytes.withUnsafeBytes({ DocumentBinary.decode($0) }) else {
                throw Unreadable(index: i)
            }
            return d
        }
    }
}
