import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads Word 97–2003 `.doc` and Kingsoft WPS Writer `.wps` files (WPS 2000 and later save
/// Word's binary format in an OLE2 file) through antiword's DocBook output, in a child
/// process under `ConverterLimits`.
///
/// Why antiword (measured on the DOC fixtures, Debian 12): it follows the piece table, so
/// Chinese text comes out whole (100 % of the characters of every fixture), about 2 ms and
/// 2 MB resident a file, and `-x db` keeps paragraphs and table cells apart. catdoc (2 ms,
/// 2 MB) guesses UTF-16 per 256-byte block from ASCII bytes: a block of 128 Chinese
/// characters without one comes out as garbage (the d023 fixture: 10 % of the text right,
/// no error); antiword's plain text wraps table cells over lines; LibreOffice
/// headless reads everything but costs 1.8 s and 210 MB a file. antiword refuses very
/// short documents whose text stream sits in the OLE2 mini stream (`doc-too-small`): catdoc
/// would read them, but silently drops what its guess garbles, so it is not a fallback.
///
/// Rejections: `doc-converter-missing`, `doc-timeout`, `doc-too-large` (memory or output
/// limit), `doc-encrypted`, `doc-too-small`, `doc-damaged` (antiword's first stderr line,
/// or garbled text), `wps-unsupported-version` (a .wps without Word's text stream, or
/// garbled), and the ingester's `blank`. Lost: Word's automatic list labels (not in the
/// text stream; antiword flattens lists), headers, footers, footnotes, text boxes, images.
public struct LegacyWordReader: OfficeReader {
    public var format: OfficeFormat
    /// Path or name (found on PATH) of antiword; $GAZETTE_ANTIWORD overrides (tests point it at fake converters).
    public var antiword: String
    public var limits: ConverterLimits

    public init(format: OfficeFormat, antiword: String? = nil, limits: ConverterLimits = ConverterLimits()) {
        self.format = format
        self.antiword = antiword ?? ProcessInfo.processInfo.environment["GAZETTE_ANTIWORD"] ?? "antiword"
        self.limits = limits
    }

    public func read(_ bytes: [UInt8], limits settings: IngestSettings) throws -> OfficeText {
        try OLEHeader.check(bytes)
        var limits = self.limits
        limits.maxOutputBytes = min(limits.maxOutputBytes, settings.maxInflatedBytes)
        let input = try LimitedProcess.privateCopy(bytes)
        defer { close(input) }
        guard let lines = AntiwordDocBook.lines(try convert(["-x", "db", "/dev/fd/3"], input: input, limits: limits)) else {
            throw reject("damaged", "antiword wrote no readable DocBook")
        }
        let text = lines.joined(separator: "\n")
        if let garbled = GarbledText.describe(text) {
            throw format == .wps
                ? RejectReason("wps-unsupported-version", "\(garbled): not WPS 2000+ text in Word's format")
                : reject("damaged", garbled)
        }
        return OfficeText(text: text.isEmpty ? "" : text + "\n")
    }

    /// One converter run: its standard output, or its failure as a rejection.
    func convert(_ args: [String], input: Int32, limits: ConverterLimits) throws -> [UInt8] {
        let tool = (antiword as NSString).lastPathComponent
        guard let path = LimitedProcess.locate(antiword) else {
            throw reject("converter-missing", "\(antiword) is not installed (Debian package antiword)")
        }
        switch LimitedProcess.run(path, args, input: input, limits: limits) {
        case .couldNotStart(let why):
            throw reject("converter-missing", "\(path) could not be started: \(why)")
        case .timedOut(let seconds):
            throw reject("timeout", "\(tool) ran past its limit of \(Int(seconds)) s and was killed")
        case .outputTooLarge(let limit):
            throw reject("too-large", "\(tool) wrote more than \(limit) bytes and was killed")
        case .signaled(let signal, let stderr):
            if signal == SIGXCPU || signal == SIGKILL { throw reject("timeout", "\(tool) ran past its CPU limit of \(limits.cpuSeconds) s") }
            if Self.mentionsMemory(stderr) {
                throw reject("too-large", "\(tool) ran out of its memory limit of \(limits.memoryBytes >> 20) MiB (signal \(signal))")
            }
            throw reject("damaged", "\(tool) crashed (signal \(signal))")
        case .exited(let status, let output, let stderr):
            if status == 0 { return output }
            let first = Self.firstLine(stderr) ?? "\(tool) exited with status \(status) and no message"
            if stderr.contains("too small to handle") {
                throw reject("too-small", "antiword cannot read a text stream this short (very short files saved by LibreOffice, WPS or Word for Mac keep it in the OLE2 mini stream): \(first)")
            }
            if stderr.localizedCaseInsensitiveContains("encrypt") { throw reject("encrypted", first) }
            if Self.mentionsMemory(stderr) { throw reject("too-large", "\(first) (memory limit \(limits.memoryBytes >> 20) MiB)") }
            if format == .wps && (stderr.contains("not contain a Word document") || stderr.contains("is not a Word Document")) {
                throw RejectReason("wps-unsupported-version", "no Word-format text stream (WPS 97/2000 or another program's .wps): \(first)")
            }
            throw reject("damaged", first)
        }
    }

    /// `doc-…` for both formats: a .wps of WPS 2000+ is a Word document.
    func reject(_ what: String, _ detail: String) -> RejectReason { RejectReason("doc-\(what)", detail) }

    static func mentionsMemory(_ s: String) -> Bool {
        s.localizedCaseInsensitiveContains("memory") || s.contains("MemoryError")
    }

    /// The first non-empty line of `s`, without the /dev/fd/3 the converter was given as the file name.
    static func firstLine(_ s: String) -> String? {
        guard let line = s.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        return String(line.prefix(300)).replacingOccurrences(of: "/dev/fd/3", with: "the file")
    }
}
