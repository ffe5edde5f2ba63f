import GazetteModel

/// The binary forms of what the cache stores besides documents: a `PreparedSummary` (one
/// per input) and the `ClauseSignatures` inside it and beside each structured document.
///
/// JSONEncoder spent about 2 % of a full run's CPU on these (base64 arrays of signature
/// words); this writes the same values with `DocumentBinary.Writer` and reads them back with
/// checks that a cut or altered entry is refused rather than trusted (counts and offsets
/// must fit the arrays they index).
enum CacheBinary {
    static func write(_ c: ClauseSignatures, _ w: inout DocumentBinary.Writer) {
        w.strings(c.ids)
        w.words(c.exact)
        w.int(c.bandCount)
        w.words(c.bands)
        w.words(c.offsets)
        w.words(c.shingles)
    }

    static func readClauses(_ r: inout DocumentBinary.Reader) throws -> ClauseSignatures {
        var c = ClauseSignatures()
        c.ids = try r.strings()
        c.exact = try r.words(UInt64.self)
        c.bandCount = try r.int()
        c.bands = try r.words(UInt32.self)
        c.offsets = try r.words(UInt32.self)
        c.shingles = try r.words(UInt16.self)
        let n = c.ids.count
        guard c.exact.count == n, c.bandCount >= 0, c.bandCount <= 1 << 16, c.bands.count == n * c.bandCount,
              c.offsets.count == n + 1, c.offsets.first == 0, Int(c.offsets.last ?? 1) == c.shingles.count,
              zip(c.offsets, c.offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw DocumentBinary.Truncated() }
        return c
    }

    static func write(_ s: PreparedSummary, _ w: inout DocumentBinary.Writer) {
        w.string(s.sha256)
        w.string(s.conversion)
        w.int(s.length)
        w.string(s.structuredKey)
        let g = s.signature
        w.string(g.parameters)
        w.string(g.textHash)
        w.words(g.minhash)
        w.int(g.sampleLevel)
        w.words(g.sample)
        w.string(g.script)
        write(g.clauses, &w)
        w.strings(s.members)
    }

    static func readSummary(_ r: inout DocumentBinary.Reader) throws -> PreparedSummary {
        let sha = try r.string(), conversion = try r.string(), length = try r.int()
        let structuredKey = try r.string()
        let parameters = try r.string(), textHash = try r.string()
        let minhash = try r.words(UInt32.self)
        let level = try r.int()
        let sample = try r.words(UInt32.self)
        let script = try r.string()
        let clauses = try readClauses(&r)
        let members = try r.strings()
        guard level >= 0, level < 32 else { throw DocumentBinary.Truncated() }
        let signature = DedupSignature(parameters: parameters, textHash: textHash, minhash: minhash, sampleLevel: level,
                                       sample: sample, clauses: clauses, script: script)
        var summary = PreparedSummary(sha256: sha, conversion: conversion, length: length, signature: signature, structuredKey: structuredKey)
        summary.members = members
        return summary
    }

    /// Whole-body helpers: the body must be read to its last byte.
    static func summary(_ bytes: UnsafeRawBufferPointer) -> PreparedSummary? {
        var r = DocumentBinary.Reader(bytes)
        guard let s = try? readSummary(&r), r.atEnd else { return nil }
        return s
    }

    static func clauses(_ bytes: UnsafeRawBufferPointer) -> ClauseSignatures? {
        var r = DocumentBinary.Reader(bytes)
        guard let c = try? readClauses(&r), r.atEnd else { return nil }
        return c
    }
}
