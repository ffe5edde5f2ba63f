import Foundation

/// Replays OpenCC's t2s conversion in Swift from tables that OpenCC itself fills: the same
/// bytes as OpenCC's output, several times faster (OpenCC 1.4.2 spends ~40 ns a byte on
/// traditional text, more than the whole rest of the normalize stage).
///
/// OpenCC converts a one-step configuration by leftmost-longest matching: at each position
/// the longest dictionary key wins, its value is written, and matching resumes after it (its
/// segmentation only splits where no key can span). So a scalar that starts no key of two or
/// more scalars always converts as it does alone, and a phrase match writes what OpenCC
/// writes for that key alone. The replay learns both from OpenCC at first use, converting
/// every key scalar and every phrase key (`ConversionTriggerData`, generated from the
/// dictionaries) one per line. Lines holding what OpenCC treats specially — normalization
/// keys (CJK compatibility ideographs), variation selectors, ideographic description
/// characters — go to OpenCC whole, and so does input that is not well-formed UTF-8.
final class OpenCCReplay: Sendable {
    /// What to do at one scalar: its replacement (or none), the phrases it starts, or hand
    /// the line to OpenCC.
    private struct Slot {
        var valueStart: Int32 = 0
        var valueCount: Int32 = -1   // -1: the scalar converts to itself
        var phraseStart: Int32 = 0
        var phraseCount: Int32 = 0
        var special = false
    }
    /// A phrase key and its value, as ranges of `pool`.
    private struct Phrase {
        var keyStart: Int32, keyCount: Int32, valueStart: Int32, valueCount: Int32
    }
    private static let limit = 0x40000
    /// Slot number per scalar below `limit` (0: converts to itself, starts no phrase).
    private let index: [UInt16]
    private let slots: [Slot]
    /// Phrases grouped by first scalar, longest first within a group.
    private let phrases: [Phrase]
    private let pool: [UInt8]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: [String: OpenCCReplay?] = [:]

    /// The replay for `config`, built once per process (see `build`).
    static func shared(config: String, converter: OpenCCConverter) -> OpenCCReplay? {
        lock.lock()
        defer { lock.unlock() }
        if let known = built[config] { return known }
        let replay = build(config: config, converter: converter)
        built[config] = replay
        return replay
    }

    /// The replay for `config` (only t2s, the one-step configuration it has tables for),
    /// built with `converter`; nil when OpenCC's answers do not fit the tables.
    static func build(config: String, converter: OpenCCConverter) -> OpenCCReplay? {
        guard config == "t2s" else { return nil }
        let normalization = Set(ConversionTriggerData.t2sNormalizationKeys.unicodeScalars.filter { $0 != "\n" })
        let scalars = ConversionTriggerData.t2sKeyScalars.unicodeScalars.filter { $0 != "\n" && !normalization.contains($0) }
        let keys = ConversionTriggerData.t2sPhraseKeys.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard let singles = answers(scalars.map { String($0) }, converter),
              let values = answers(keys, converter) else { return nil }

        var index = [UInt16](repeating: 0, count: limit)
        var slots = [Slot()]
        var pool: [UInt8] = []
        func slot(_ s: Unicode.Scalar) -> Int {
            if index[Int(s.value)] == 0 { slots.append(Slot()); index[Int(s.value)] = UInt16(slots.count - 1) }
            return Int(index[Int(s.value)])
        }
        for (s, value) in zip(scalars, singles) where Int(s.value) < limit && value != String(s) {
            let k = slot(s)
            slots[k].valueStart = Int32(pool.count)
            slots[k].valueCount = Int32(value.utf8.count)
            pool.append(contentsOf: value.utf8)
        }
        // Phrases sorted by first scalar, then longest first (the first match is the longest).
        let sorted = zip(keys, values).sorted { a, b in
            let fa = a.0.unicodeScalars.first!.value, fb = b.0.unicodeScalars.first!.value
            return fa != fb ? fa < fb : (a.0.utf8.count != b.0.utf8.count ? a.0.utf8.count > b.0.utf8.count : a.0 < b.0)
        }
        var phrases: [Phrase] = []
        for (key, value) in sorted {
            guard let first = key.unicodeScalars.first, Int(first.value) < limit else { return nil }
            let k = slot(first)
            if slots[k].phraseCount == 0 { slots[k].phraseStart = Int32(phrases.count) }
            slots[k].phraseCount += 1
            phrases.append(Phrase(keyStart: Int32(pool.count), keyCount: Int32(key.utf8.count),
                                  valueStart: Int32(pool.count + key.utf8.count), valueCount: Int32(value.utf8.count)))
            pool.append(contentsOf: key.utf8)
            pool.append(contentsOf: value.utf8)
        }
        // Normalization keys, variation selectors, ideographic description characters.
        let special = Array(normalization) + (0xFE00...0xFE0F).compactMap(Unicode.Scalar.init)
            + (0x2FF0...0x2FFF).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x31EF)!]
        for s in special where Int(s.value) < limit { slots[slot(s)].special = true }
        return OpenCCReplay(index: index, slots: slots, phrases: phrases, pool: pool)
    }

    private init(index: [UInt16], slots: [Slot], phrases: [Phrase], pool: [UInt8]) {
        self.index = index
        self.slots = slots
        self.phrases = phrases
        self.pool = pool
    }

    /// OpenCC's conversion of each of `items` alone (they are converted one per line, in one call).
    private static func answers(_ items: [String], _ converter: OpenCCConverter) -> [String]? {
        var batch = Array(items.joined(separator: "\n").utf8)
        let lines: [String]? = batch.withUnsafeMutableBufferPointer { buf in
            converter.withConverted(UnsafeBufferPointer(buf)) { out, ok in
                ok ? String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : nil
            }
        }
        batch = []
        guard let lines, lines.count == items.count else { return nil }
        return lines
    }

    /// Convert `input`, appending OpenCC's result to `output` (special lines through
    /// `converter`). Returns false, with `output` partly written, when `input` is not
    /// well-formed UTF-8: callers then convert it whole with OpenCC, which decides.
    func convert(_ input: UnsafeBufferPointer<UInt8>, with converter: OpenCCConverter, appendingTo output: inout [UInt8]) -> Bool {
        guard let base = input.baseAddress, input.count > 0 else { return true }
        return index.withUnsafeBufferPointer { index in
            slots.withUnsafeBufferPointer { slots in
                phrases.withUnsafeBufferPointer { phrases in
                    pool.withUnsafeBufferPointer { pool in
                        replay(base, input.count, index, slots, phrases, pool.baseAddress!, converter, &output)
                    }
                }
            }
        }
    }

    private func replay(_ base: UnsafePointer<UInt8>, _ n: Int, _ index: UnsafeBufferPointer<UInt16>, _ slots: UnsafeBufferPointer<Slot>,
                        _ phrases: UnsafeBufferPointer<Phrase>, _ pool: UnsafePointer<UInt8>, _ converter: OpenCCConverter,
                        _ out: inout [UInt8]) -> Bool {
        var i = 0
        var runStart = 0    // start of the pending unchanged bytes
        var lineStart = 0
        var lineOut = out.count   // where the current line starts in `out` (once its bytes are flushed)
        func flush(_ end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart)) }
        }
        while i < n {
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                if b0 == 0x0A { lineStart = i; lineOut = out.count + (i - runStart) }
                continue
            }
            var scalar: UInt32
            let len: Int
            if b0 < 0xC2 { return false }
            else if b0 < 0xE0 { len = 2; scalar = UInt32(b0 & 0x1F) }
            else if b0 < 0xF0 { len = 3; scalar = UInt32(b0 & 0x0F) }
            else if b0 < 0xF5 { len = 4; scalar = UInt32(b0 & 0x07) }
            else { return false }
            guard i + len <= n else { return false }
            for k in 1..<len {
                let c = base[i + k]
                guard c & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            var slot = Slot()
            if Int(scalar) < Self.limit {
                let s = Int(index[Int(scalar)])
                if s == 0 { i += len; continue }
                slot = slots[s]
            } else if scalar >= 0xE0100 && scalar <= 0xE01EF {
                slot.special = true   // variation selectors supplement
            } else {
                i += len
                continue
            }
            if slot.special {
                // The whole line through OpenCC: drop what was written for it, convert, go on after it.
                if runStart <= lineStart { flush(lineStart) } else { out.removeSubrange(lineOut...) }
                let rest = UnsafeRawPointer(base + i)
                let end = memchr(rest, 0x0A, n - i).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) + 1 } ?? n
                let ok = converter.withConverted(UnsafeBufferPointer(start: base + lineStart, count: end - lineStart)) { converted, ok in
                    out.append(contentsOf: converted)
                    return ok
                }
                guard ok else { return false }
                i = end; runStart = end; lineStart = end; lineOut = out.count
                continue
            }
            var matched = false
            if slot.phraseCount > 0 {
                for p in Int(slot.phraseStart)..<Int(slot.phraseStart + slot.phraseCount) {
                    let phrase = phrases[p]
                    let count = Int(phrase.keyCount)
                    guard count <= n - i, memcmp(base + i, pool + Int(phrase.keyStart), count) == 0 else { continue }
                    flush(i)
                    out.append(contentsOf: UnsafeBufferPointer(start: pool + Int(phrase.valueStart), count: Int(phrase.valueCount)))
                    i += count
                    runStart = i
                    matched = true
                    break
                }
            }
            if matched { continue }
            if slot.valueCount >= 0 {
                flush(i)
                out.append(contentsOf: UnsafeBufferPointer(start: pool + Int(slot.valueStart), count: Int(slot.valueCount)))
                i += len
                runStart = i
            } else {
                i += len
            }
        }
        flush(n)
        return true
    }
}
