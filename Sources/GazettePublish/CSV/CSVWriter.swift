import Foundation
import GazetteModel

/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted and its
/// quotes doubled. UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right.
final class CSVWriter {
    private let handle: FileHandle
    private var buffer = Data()
    /// Bytes appended so far, the byte-order mark included: the offset of the next row.
    private(set) var position = 3

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw PublishError("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }

    /// The field as written: quoted when it must be. Works on UTF-8 bytes (the four
    /// special characters are ASCII, which never occurs inside a multi-byte character).
    static func field(_ s: String) -> String {
        var copy = s
        let (needsQuotes, hasQuote) = copy.withUTF8 { specials($0) }
        guard needsQuotes else { return s }
        guard hasQuote else { return "\"" + s + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// (needs quotes, holds a quote): whether `b` has a comma, quote, CR or LF, and a quote.
    /// Eight bytes at once while none is at or below "," (Chinese text, letters, digits).
    static func specials(_ b: UnsafeBufferPointer<UInt8>) -> (Bool, Bool) {
        var needsQuotes = false
        var i = 0
        while i < b.count {
            if i + 8 <= b.count, !ByteWord(b, at: i).hasByte(below: 0x2D) { i += 8; continue }
            let c = b[i]
            i += 1
            if c == 0x22 { return (true, true) }
            if c == 0x2C || c == 0x0D || c == 0x0A { needsQuotes = true }
        }
        return (needsQuotes, false)
    }

    static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    func write(_ fields: [String]) throws { try append(Data(Self.row(fields).utf8)) }

    /// Rows already encoded with `row`.
    func append(_ rows: Data) throws {
        buffer.append(rows)
        position += rows.count
        if buffer.count > 1 << 20 { try flush() }
    }

    func flush() throws { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }

    func close() throws { try flush(); try handle.close() }
}
