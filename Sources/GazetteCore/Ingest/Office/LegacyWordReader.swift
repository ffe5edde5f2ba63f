import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads Word 97–2003 `.doc` and Kingsoft WPS Writer `.wps` files (WPS 2000 and later save
/// Word's binary format in an OLE2 file) through antiword's DocBook output, in a child
/// process under `ConverterLimits`.
///
/// Why antiword (measured on the DOC fixtures, Debian 12, one core): it follows the piece
/// table, so Chinese text comes out whole (fixtures: 100 % of the characters), about 6 ms
/// and 2 MB resident a file, and `-x db` keeps paragraphs and table cells apart. catdoc
/// (2 ms, 2 MB) guesses UTF-16 per 256-byte block from ASCII bytes, so a run of 128 Chinese
/// characters without an ASCII space or mark comes out as Latin-1 garbage; LibreOffice
/// headless reads everything but costs 1.8 s and 210 MB a file. antiword refuses documents
/// whose text stream is under 4 KiB ("too small to handle"); those go to catdoc, whose
/// output is rejected when it is garbled.
///
/// Rejections: `doc-converter-missing`, `doc-timeout`, `doc-too-large` (memory or output
/// limit), `doc-encrypted`, `doc-damaged` (the converter's first stderr line, or garbled
/// text), `wps-unsupported-version` (a .wps without Word's text stream, or garbled), and
/// the ingester's `blank`. Lost: Word's automatic list labels (not in the text stream;
/// antiword flattens lists), headers, footers, footnotes, text boxes, images.
public struct LegacyWordReader: OfficeReader {
    public var format: OfficeFormat
    /// Paths or names (found on PATH) of the converters; $GAZETTE_ANTIWORD and $GAZETTE_CATDOC override.
    public var antiword: String
    public var catdoc: String
    public var limits: ConverterLimits

    public init(format: OfficeFormat, antiword: String? = nil, catdoc: String? = nil, limits: ConverterLimits = ConverterLimits()) {
        let env = ProcessInfo.processInfo.environment
        self.format = format
        self.antiword = antiword ?? env["GAZETTE_ANTIWORD"] ?? "antiword"
        self.catdoc = catdoc ?? env["GAZETTE_CATDOC"] ?? "catdoc"
        self.limits = limits
    }

    public func read(_ bytes: [UInt8], limits settings: IngestSettings) throws -> OfficeText {
        try OLEHeader.check(bytes)
        var limits = self.limits
        limits.maxOutputBytes = min(limits.maxOutputBytes, settings.maxInflatedBytes)
        let input = try LimitedProcess.privateCopy(bytes)
        defer { close(input) }
        let lines: [String]
        switch try convert(antiword, ["-x", "db", "/dev/fd/3"], input: input, limits: limits) {
        case .text(let xml):
            guard let read = AntiwordDocBook.lines(xml) else { throw reject("damaged", "antiword wrote no readable DocBook") }
            lines = read
        case .tooSmall:
            lseek(input, 0, SEEK_SET)
            guard case .text(let text) = try convert(catdoc, ["-w", "-d", "utf-8", "/dev/fd/3"], input: input, limits: limits)
            else { throw reject("damaged", "catdoc could not read it") }
            lines = CatdocText.lines(String(decoding: text, as: UTF8.self))
        }
        let text = lines.joined(separator: "\n")
        if let garbled = GarbledText.describe(text) {
            throw format == .wps
                ? RejectReason("wps-unsupported-version", "\(garbled): not WPS 2000+ text in Word's format")
                : reject("damaged", garbled)
        }
        return OfficeText(text: text.isEmpty ? "" : text + "\n")
    }

    enum Converted { case text([UInt8]), tooSmall }

    /// One converter run, its failures turned into rejections.
    func convert(_ converter: String, _ args: [String], input: Int32, limits: ConverterLimits) throws -> Converted {
        let tool = (converter as NSString).lastPathComponent
        guard let path = LimitedProcess.locate(converter) else {
            let package = tool == "catdoc" ? "catdoc (needed for documents too small for antiword)" : "antiword"
            throw reject("converter-missing", "\(converter) is not installed (Debian package \(package))")
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
            if Self.mentionsMemory(stderr) || signal == SIGSEGV || signal == SIGABRT || signal == SIGBUS {
                throw reject("too-large", "\(tool) ended by signal \(signal) (\(Self.firstLine(stderr) ?? "no message")) under a memory limit of \(limits.memoryBytes >> 20) MiB")
            }
            throw reject("damaged", "\(tool) ended by signal \(signal)")
        case .exited(let status, let output, let stderr):
            if status == 0 { return .text(output) }
            let first = Self.firstLine(stderr) ?? "\(tool) exited with status \(status) and no message"
            if stderr.contains("too small to handle") { return .tooSmall }
            if stderr.localizedCaseInsensitiveContains("encrypt") { throw reject("encrypted", first) }
            if Self.mentionsMemory(stderr) { throw reject("too-large", "\(first) (memory limit \(limits.memoryBytes >> 20) MiB)") }
            if format == .wps && stderr.contains("is not a Word Document") {
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
