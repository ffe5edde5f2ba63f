import Foundation

/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted and its
/// quotes doubled. UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right.
final class CSVWriter {
    private let handle: FileHandle
    private var buffer = Data()

    init(url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }

    static func field(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    func write(_ fields: [String]) throws { try append(Data(Self.row(fields).utf8)) }

    /// Rows already encoded with `row`.
    func append(_ rows: Data) throws {
        buffer.append(rows)
        if buffer.count > 1 << 20 { try flush() }
    }

    func flush() throws { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }

    func close() throws { try flush(); try handle.close() }
}
