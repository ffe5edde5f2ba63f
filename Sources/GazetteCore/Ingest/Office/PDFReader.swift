import CPoppler

/// PDF with a text layer, through poppler's GLib API (in-process): each page's characters
/// with their boxes, font sizes and colours; lines, reading order and paragraphs are
/// rebuilt from that geometry by `FixedLayout`, as for OFD.
///
/// Chosen over MuPDF's structured text by measurement (CPU seconds per process on this
/// 2-core VM, bench/pdf_extract.py for the whole reader): both give the same characters,
/// boxes and sizes, so the layout is as good either way. On the devset's real PDFs (Word and
/// WPS output with images, 2.0 MB) poppler-glib reads about 47 MB/s per core against MuPDF's
/// 29; on the committed LibreOffice PDFs (text only, 2.4 MB) MuPDF is ahead, 16 against 9.5.
/// poppler-glib is kept: faster on files like the corpus's, a shared library (MuPDF is a
/// 69 MB static archive whose link flags pkg-config does not hand SwiftPM, with five more
/// -dev packages), errors as GError values (MuPDF's need fz_try/fz_catch in a C shim), and
/// state per document, so the two worker threads need no locks. Its messages go to g_log at
/// INFO level, which is not printed.
///
/// Rejections: `pdf-encrypted` (a password is needed), `pdf-damaged` (poppler cannot open
/// it), `pdf-too-large` (more than `max_pages` pages, or more text than
/// `max_inflated_bytes`), `no-text-layer` (no page has text: a scan; OCR is out of scope).
/// A page without text among pages with text (a scanned signature page) is left out.
struct PDFReader: OfficeReader {
    func read(_ bytes: [UInt8], limits: IngestSettings) throws -> OfficeText {
        let pages = try Self.pages(bytes, limits: limits)
        guard pages.contains(where: { !$0.chars.isEmpty }) else {
            throw RejectReason("no-text-layer", "none of the \(pages.count) pages has a text layer (a scan? OCR is not done)")
        }
        return OfficeText(text: FixedLayout().text(pages))
    }

    /// Each page's characters, in page order.
    static func pages(_ bytes: [UInt8], limits: IngestSettings) throws -> [PlacedPage] {
        guard let data = bytes.withUnsafeBytes({ g_bytes_new($0.baseAddress, gsize($0.count)) }) else {
            throw RejectReason("pdf-damaged", "cannot hold the file")
        }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>? = nil
        guard let doc = poppler_document_new_from_bytes(data, nil, &error) else {
            let code = error.map { Int($0.pointee.code) } ?? -1
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unreadable"
            if let error { g_error_free(error) }
            if code == Int(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw RejectReason("pdf-encrypted", "the document is encrypted and needs a password")
            }
            throw RejectReason("pdf-damaged", message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
        let count = Int(poppler_document_get_n_pages(doc))
        if count > limits.maxPages {
            throw RejectReason("pdf-too-large", "\(count) pages is over the limit of \(limits.maxPages)")
        }
        var pages: [PlacedPage] = []
        pages.reserveCapacity(count)
        var total = 0
        for i in 0..<count {
            guard let page = poppler_document_get_page(doc, Int32(i)) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            let placed = Self.page(page)
            total += placed.chars.count
            if total > limits.maxInflatedBytes / 3 {
                throw RejectReason("pdf-too-large", "more than \(limits.maxInflatedBytes / 3) characters of text (max_inflated_bytes)")
            }
            pages.append(placed)
        }
        return pages
    }

    /// One page: poppler's text, one box per character, and the font size and colour of each range.
    static func page(_ page: OpaquePointer) -> PlacedPage {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        var placed = PlacedPage(width: width, height: height, chars: [])
        guard let text = poppler_page_get_text(page) else { return placed }
        defer { g_free(text) }
        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var rectCount: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &rectCount) != 0, let boxes = rects else { return placed }
        defer { g_free(boxes) }
        let scalars = Array(String(cString: text).unicodeScalars)
        let n = min(scalars.count, Int(rectCount))
        var sizes = [Double](repeating: 0, count: n)
        var red = [Bool](repeating: false, count: n)
        let attributes = poppler_page_get_text_attributes(page)
        defer { poppler_page_free_text_attributes(attributes) }
        var node = attributes
        while let l = node {
            if let a = l.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee {
                let lo = max(0, Int(a.start_index)), hi = min(n - 1, Int(a.end_index))
                let isRed = a.color.red >= 0xB000 && a.color.green <= 0x7000 && a.color.blue <= 0x7000
                if lo <= hi { for k in lo...hi { sizes[k] = a.font_size; red[k] = isRed } }
            }
            node = l.pointee.next
        }
        placed.chars.reserveCapacity(n)
        for k in 0..<n where !scalars[k].properties.isWhitespace {
            let r = boxes[k]
            let size = sizes[k] > 0 ? sizes[k] : r.y2 - r.y1
            placed.chars.append(PlacedChar(scalars[k], x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2),
                                           y1: max(r.y1, r.y2), size: size, red: red[k]))
        }
        return placed
    }
}
