extension String {
    /// A String of bytes already known to be valid UTF-8, copied without validating them again.
    ///
    /// `String(decoding:as:)` re-validates every byte, at about 0.4 GB/s on Chinese text; at
    /// 10,000 documents that came to some 2 CPU-s for bytes that could not be invalid: lines
    /// cut from a String's own UTF-8 at line feeds, and texts rebuilt from such pieces with
    /// ASCII or String-made replacements. This is a copy (GB/s).
    ///
    /// Only for bytes made that way from Swift Strings. Bytes from a file, a C library or a
    /// converter go through `String(decoding:as:)`, which repairs what is wrong with them.
    /// - Precondition: `bytes` is valid UTF-8, and every cut was made at a scalar boundary
    ///   (checked in debug builds, which the tests run).
    init(knownValidUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(String(validating: bytes, as: UTF8.self) != nil, "String(knownValidUTF8:) given invalid UTF-8")
        guard bytes.count > 0 else { self = ""; return }
        self = String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes)))
    }

    /// `init(knownValidUTF8:)` for an array of bytes.
    init(knownValidUTF8 bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { String(knownValidUTF8: $0) }
    }
}
