import Foundation

/// The ingest stage's output: decoded text of one input file.
public struct IngestedText: Sendable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var format: String       // txt | html, with .gz appended when compressed
    public var encoding: String
    public var text: String
    /// Key–value pairs of an HTML page's metadata table (发文机关, 成文日期 …).
    public var pageMetadata: [String: String]
    public var pageTitle: String?
}

/// Settings of the ingest stage (pipeline.yml `stages.ingest`).
public struct IngestSettings: Codable, Equatable, Sendable {
    /// Largest file read, in bytes; larger ones are rejected (`too-large`).
    public var maxFileBytes: Int = 64 << 20
    /// Largest inflated size of a .gz file.
    public var maxInflatedBytes: Int = 64 << 20
    /// File name endings taken as input; everything else is recorded as rejected (`unsupported-type`).
    public var extensions: [String] = ["txt", "html", "htm", "md", "markdown", "txt.gz", "html.gz", "htm.gz", "md.gz",
                                       "docx", "pdf", "ofd", "doc", "wps"]
    /// Longest line of decoded text, in characters. Documents are made of paragraphs; a
    /// file that is one enormous line is machine output, rejected (`line-too-long`)
    /// before the later stages spend memory on it.
    public var maxLineChars: Int = 1 << 20
    /// Most pages of a PDF or OFD read; longer ones are rejected (`pdf-too-large`, `ofd-too-large`).
    public var maxPages: Int = 2_000
    public init() {}
    enum CodingKeys: String, CodingKey {
        case maxFileBytes = "max_file_bytes", maxInflatedBytes = "max_inflated_bytes", extensions, maxLineChars = "max_line_chars", maxPages = "max_pages"
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = IngestSettings.defaults
        maxFileBytes = try c.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? d.maxFileBytes
        maxInflatedBytes = try c.decodeIfPresent(Int.self, forKey: .maxInflatedBytes) ?? d.maxInflatedBytes
        extensions = try c.decodeIfPresent([String].self, forKey: .extensions) ?? d.extensions
        maxLineChars = try c.decodeIfPresent(Int.self, forKey: .maxLineChars) ?? d.maxLineChars
        maxPages = try c.decodeIfPresent(Int.self, forKey: .maxPages) ?? d.maxPages
    }
    static let defaults = IngestSettings()
}

/// Stage 1: read a file, inflate gzip, detect the encoding, extract HTML main text.
///
/// Input that cannot be used throws a `RejectReason`, recorded in manifest.json as
/// `code: detail`. Codes: `empty`, `blank` (white space only), `binary` (PNG, PDF, ZIP …
/// or control bytes), `truncated-utf8`, `invalid-utf8`, `invalid-utf16`, `undecodable`
/// (no plausible UTF-8, UTF-16, GB18030 or Big5 reading), `gzip-invalid`, `gzip-truncated`,
/// `gzip-too-large` (over `max_inflated_bytes`), `html-unparsable`, `html-empty`,
/// `html-no-text`, `html-too-deep`, `line-too-long` (over `max_line_chars`), `too-large`
/// (over `max_file_bytes`, refused from its size without reading), `unreadable`,
/// `not-a-file`; office files add their readers' codes (`pdf-encrypted`, `pdf-damaged`,
/// `pdf-too-large`, `ofd-damaged`, `ofd-encrypted`, `ofd-too-large`, `ofd-too-deep`,
/// `no-text-layer`: see `PDFReader`, `OFDReader`). The scanner and runner add
/// `symlink-loop`, `broken-symlink`, `symlink-directory`, `unsupported-type`, `too-deep`,
/// and the processor `no-chinese-text`.
public struct Ingester: Sendable {
    public var settings: IngestSettings
    public init(settings: IngestSettings = IngestSettings()) { self.settings = settings }

    /// Read `url` (displayed as `path`) from disk.
    public func ingest(fileAt url: URL, path: String) throws -> IngestedText {
        let bytes = try readBytes(url)
        return try ingest(bytes: bytes, path: path, sha256: SHA256Digest.hex(bytes))
    }

    func readBytes(_ url: URL) throws -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_NONBLOCK)
        if fd < 0 {
            let e = errno
            if e == EACCES { throw RejectReason("unreadable", "permission denied") }
            if e == ELOOP { throw RejectReason("symlink-loop", "symbolic link loop") }
            throw RejectReason("unreadable", String(cString: strerror(e)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RejectReason("unreadable", "cannot stat") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw RejectReason("not-a-file", "not a regular file") }
        if Int(st.st_size) > settings.maxFileBytes {
            throw RejectReason("too-large", "\(st.st_size) bytes is over the limit of \(settings.maxFileBytes)")
        }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while got < out.count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 { if errno == EINTR { continue }; throw RejectReason("unreadable", String(cString: strerror(errno))) }
            if n == 0 { break }
            got += n
        }
        if got < out.count { out.removeSubrange(got...) }
        return out
    }

    /// Decode bytes already in memory.
    public func ingest(bytes raw: [UInt8], path: String, sha256: String) throws -> IngestedText {
        if let office = OfficeFormat.detect(raw, path: path) { return try ingest(office: office, bytes: raw, path: path, sha256: sha256) }
        var bytes = raw
        let lower = path.lowercased()
        var compressed = false
        if Gzip.isGzip(bytes) || lower.hasSuffix(".gz") {
            guard Gzip.isGzip(bytes) else { throw RejectReason("gzip-invalid", "named .gz but not gzip data") }
            bytes = try Gzip.inflate(bytes, cap: settings.maxInflatedBytes)
            compressed = true
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw RejectReason(bytes.isEmpty ? "empty" : "blank", bytes.isEmpty ? "the file is empty" : "the file holds only white space")
        }
        let decoded = try TextDecoder.decode(bytes)
        let base = compressed ? String(lower.dropLast(3)) : lower
        let isHTML = base.hasSuffix(".html") || base.hasSuffix(".htm") || Self.sniffHTML(decoded.text)
        var text = decoded.text
        var meta: [String: String] = [:]
        var title: String? = nil
        if isHTML {
            let page = try HTMLExtractor.extract(text)
            text = page.text; meta = page.metadata; title = page.title.isEmpty ? nil : page.title
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw RejectReason("blank", "no text after decoding")
        }
        if let longest = Self.longestLine(text, over: settings.maxLineChars) {
            throw RejectReason("line-too-long", "a line of \(longest) characters is over the limit of \(settings.maxLineChars) (not a document made of paragraphs)")
        }
        let isMarkdown = !isHTML && (base.hasSuffix(".md") || base.hasSuffix(".markdown"))
        let format = (isHTML ? "html" : isMarkdown ? "md" : "txt") + (compressed ? ".gz" : "")
        return IngestedText(path: path, sha256: sha256, bytes: raw.count, format: format,
                            encoding: decoded.encoding, text: text, pageMetadata: meta, pageTitle: title)
    }

    /// An office file through its format's reader.
    func ingest(office: OfficeFormat, bytes: [UInt8], path: String, sha256: String) throws -> IngestedText {
        guard let reader = office.reader else {
            throw RejectReason("unsupported-type", "\(office.rawValue) files are not read yet")
        }
        var read = try reader.read(bytes, limits: settings)
        if read.text.hasPrefix("\u{FEFF}") { read.text.removeFirst() }
        if read.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw RejectReason("blank", "no text in the \(office.rawValue) file")
        }
        if let longest = Self.longestLine(read.text, over: settings.maxLineChars) {
            throw RejectReason("line-too-long", "a line of \(longest) characters is over the limit of \(settings.maxLineChars)")
        }
        return IngestedText(path: path, sha256: sha256, bytes: bytes.count, format: office.rawValue, encoding: read.encoding,
                            text: read.text, pageMetadata: [:], pageTitle: read.title)
    }

    /// The length of the first line longer than `limit` characters (counted in scalars), or nil.
    static func longestLine(_ s: String, over limit: Int) -> Int? {
        if s.utf8.count <= limit { return nil }   // no more scalars than bytes
        var s = s
        let worst: Int = s.withUTF8 { b in
            // Scalars are counted by their first bytes (every byte but 10xxxxxx).
            var run = 0, worst = 0
            for c in b {
                if c == 0x0A || c == 0x0D { run = 0; continue }
                if c & 0xC0 != 0x80 { run += 1; if run > worst { worst = run } }
            }
            return worst
        }
        return worst > limit ? worst : nil
    }

    static func sniffHTML(_ s: String) -> Bool {
        if let found = sniffHTMLBytes(s, 1024) { return found }
        let head = lowercasedHead(s, 1024)
        return SimpleText.contains(head, "<!doctype html") || SimpleText.contains(head, "<html")
            || (SimpleText.contains(head, "<body") && SimpleText.contains(head, "</"))
    }

    /// `s.prefix(count).lowercased()`, without Unicode case mapping when the head holds only
    /// ASCII and caseless CJK characters (the usual page or text file).
    static func lowercasedHead(_ s: String, _ count: Int) -> String {
        let head = s.prefix(count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count)
        for u in head.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                bytes.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            } else if (v >= 0x3000 && v <= 0x303F) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
                        || (v >= 0xFF01 && v <= 0xFF20) || (v >= 0xFF3B && v <= 0xFF40) || (v >= 0xFF5B && v <= 0xFF65) {
                UTF8.encode(u) { bytes.append($0) }
            } else {
                return head.lowercased()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `sniffHTML` on the bytes when the first `count` characters are simple (`SimpleText`:
    /// each scalar a character of its own, compared byte by byte): the tags are ASCII, so an
    /// ASCII case-insensitive search of those bytes finds them exactly where the lowercased
    /// head does. Nil when some character is not simple.
    static func sniffHTMLBytes(_ s: String, _ count: Int) -> Bool? {
        var s = s
        return s.withUTF8 { b -> Bool? in
            var i = 0, scalars = 0
            while i < b.count && scalars < count {
                let (v, len) = FastText.scalar(b, i)
                guard SimpleText.isSimpleScalar(v) else { return nil }
                i += len; scalars += 1
            }
            let head = UnsafeBufferPointer(rebasing: b[0..<i])
            func has(_ needle: StaticString) -> Bool {
                let n = needle.utf8CodeUnitCount, p = needle.utf8Start
                guard head.count >= n else { return false }
                for start in 0...(head.count - n) {
                    var k = 0
                    while k < n {
                        var c = head[start + k]
                        if c >= 0x41 && c <= 0x5A { c += 0x20 }
                        if c != p[k] { break }
                        k += 1
                    }
                    if k == n { return true }
                }
                return false
            }
            return has("<!doctype html") || has("<html") || (has("<body") && has("</"))
        }
    }
}
