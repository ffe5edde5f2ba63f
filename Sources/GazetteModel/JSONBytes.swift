/// A byte-level JSON writer that reproduces what Foundation's `JSONEncoder` writes with
/// `.sortedKeys` and `.withoutEscapingSlashes` (and optionally `.prettyPrinted`): the same
/// escapes, the same number text, the same indentation. Callers write object keys in
/// sorted order themselves. Used for the document record, the costliest thing a run encodes.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Write "/" as "\/", as JSONEncoder does without `.withoutEscapingSlashes`.
    let escapeSlashes: Bool
    private var depth = 0
    /// Per open container: true until its first element is written.
    private var first: [Bool] = []

    public init(pretty: Bool, escapeSlashes: Bool = false, capacity: Int = 1024) {
        self.pretty = pretty
        self.escapeSlashes = escapeSlashes
        bytes.reserveCapacity(capacity)
        first.reserveCapacity(8)
    }

    // MARK: containers

    public mutating func beginObject() { open(0x7B) }
    public mutating func endObject() { close(0x7D) }
    public mutating func beginArray() { open(0x5B) }
    public mutating func endArray() { close(0x5D) }

    private mutating func open(_ b: UInt8) {
        bytes.append(b)
        if pretty { bytes.append(0x0A) }
        depth += 1
        first.append(true)
    }

    private mutating func close(_ b: UInt8) {
        first.removeLast()
        depth -= 1
        if pretty { bytes.append(0x0A); indent() }
        bytes.append(b)
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    /// Separator and indentation before an element of the innermost container.
    private mutating func element() {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(0x2C); if pretty { bytes.append(0x0A) } }
        if pretty { indent() }
    }

    /// Writes `"key" : ` (or `"key":`); the value follows.
    public mutating func key(_ k: StaticString) {
        element()
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        colon()
    }

    /// A key that may need escaping (dictionary keys).
    public mutating func key(_ k: String) {
        element()
        writeString(k)
        colon()
    }

    private mutating func colon() {
        if pretty { bytes.append(0x20); bytes.append(0x3A); bytes.append(0x20) } else { bytes.append(0x3A) }
    }

    /// Starts an array element; the value follows.
    public mutating func item() { element() }

    // MARK: values

    public mutating func string(_ s: String) { writeString(s) }
    public mutating func string(_ s: String?) { if let s { writeString(s) } else { null() } }
    public mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    public mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }
    public mutating func int(_ v: Int?) { if let v { int(v) } else { null() } }

    /// JSONEncoder's text for a finite Double: `description` without a trailing ".0".
    /// Non-finite values are the caller's to reject (JSONEncoder throws on them).
    public mutating func double(_ v: Double) {
        let d = v.description
        let u = d.utf8
        if u.count >= 2, d.hasSuffix(".0") { bytes.append(contentsOf: u.dropLast(2)) } else { bytes.append(contentsOf: u) }
    }

    public mutating func stringArray(_ a: [String]) {
        beginArray()
        for s in a { item(); writeString(s) }
        endArray()
    }

    /// A JSON string: `"`, `\` and C0 controls (and "/" when `escapeSlashes`) escaped as
    /// JSONEncoder does, everything else (U+2028 and all non-ASCII too) written as UTF-8.
    private mutating func writeString(_ s: String) {
        bytes.append(0x22)
        var s = s
        let slash: UInt8 = escapeSlashes ? 0x2F : 0x22
        s.withUTF8 { buf in
            var start = 0
            let n = buf.count
            var i = 0
            while i < n {
                // Eight bytes at a time while none of them needs escaping (most text).
                if i + 8 <= n, case let w = ByteWord(buf, at: i),
                   !w.hasByte(below: 0x20), !w.hasByte(0x22), !w.hasByte(0x5C), !w.hasByte(slash) {
                    i += 8; continue
                }
                let b = buf[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != slash { i += 1; continue }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                bytes.append(0x5C)
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x2F: bytes.append(0x2F)
                case 0x08: bytes.append(0x62)
                case 0x0C: bytes.append(0x66)
                case 0x0A: bytes.append(0x6E)
                case 0x0D: bytes.append(0x72)
                case 0x09: bytes.append(0x74)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                i += 1
                start = i
            }
            if start < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<n])) }
        }
        bytes.append(0x22)
    }
}
