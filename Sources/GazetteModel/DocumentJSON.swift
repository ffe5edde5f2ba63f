/// The document record as JSON bytes, written directly rather than through `JSONEncoder`:
/// byte for byte what `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`
/// (plus `.prettyPrinted` when `pretty`) writes for the same `Document` (pinned by tests),
/// at a fraction of the cost. Returns nil when the document holds something this writer
/// does not reproduce exactly (a non-finite score, a score key outside `[a-z._-]`, whose
/// sorted order Foundation defines its own way); callers then fall back to `JSONEncoder`.
public enum DocumentJSON {
    public static func encode(_ d: Document, pretty: Bool) -> [UInt8]? {
        guard supported(d) else { return nil }
        var w = JSONBytes(pretty: pretty, capacity: d.text.utf8.count * 3 + 4096)
        write(d, into: &w)
        return w.bytes
    }

    /// `pretty` (JSON as `encode(_:pretty: true)` writes it) without the whitespace outside
    /// strings: what `encode(_:pretty: false)` writes for the same document, for a fraction
    /// of encoding's cost when both forms are needed.
    public static func compacted(_ pretty: [UInt8]) -> [UInt8] {
        pretty.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: src.count) { dst, written in
                var i = 0, o = 0
                let n = src.count
                while i < n {
                    let b = src[i]
                    i += 1
                    if b == 0x22 {
                        // A string: copied up to its closing quote, escapes and all.
                        dst[o] = b; o += 1
                        while i < n {
                            // Eight bytes at once while they hold no quote or backslash (o <= i,
                            // so the store stays inside the capacity of src.count).
                            if i + 8 <= n, case let w = ByteWord(src, at: i), !w.hasByte(0x22), !w.hasByte(0x5C) {
                                UnsafeMutableRawPointer(dst.baseAddress! + o).storeBytes(of: w.value, as: UInt64.self)
                                o += 8; i += 8; continue
                            }
                            let c = src[i]
                            dst[o] = c; o += 1; i += 1
                            if c == 0x22 { break }
                            if c == 0x5C, i < n { dst[o] = src[i]; o += 1; i += 1 }
                        }
                    } else if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 {
                        dst[o] = b; o += 1
                    }
                }
                written = o
            }
        }
    }

    /// Whether the fast path can write `d` exactly as JSONEncoder does (else `encode` is nil).
    public static func supported(_ d: Document) -> Bool {
        for a in d.duplicates where !a.similarity.isFinite { return false }
        if !d.quality.clauseCoverage.isFinite { return false }
        if let v = d.subject?.score, !v.isFinite { return false }
        for k in d.metadataSources.keys { for b in k.utf8 where !((b >= 0x61 && b <= 0x7A) || b == 0x5F) { return false } }
        for c in d.clauses {
            for s in c.similar where !s.score.isFinite { return false }
            for (k, v) in c.scores {
                if !v.isFinite { return false }
                for b in k.utf8 where !((b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x2D) { return false }
            }
        }
        return true
    }

    static func write(_ d: Document, into w: inout JSONBytes) {
        w.beginObject()
        w.key("addressees"); w.stringArray(d.addressees)
        w.key("appendices"); w.beginArray()
        for a in d.appendices {
            w.item(); w.beginObject()
            w.key("kind"); w.string(a.kind.rawValue)
            w.key("qa"); w.beginArray()
            for q in a.qa {
                w.item(); w.beginObject()
                w.key("answer"); w.string(q.answer)
                w.key("question"); w.string(q.question)
                w.endObject()
            }
            w.endArray()
            w.key("text"); w.string(a.text)
            w.key("title"); w.string(a.title)
            w.endObject()
        }
        w.endArray()
        w.key("clauses"); w.beginArray()
        for c in d.clauses { w.item(); write(c, into: &w) }
        w.endArray()
        w.key("closing"); w.string(d.closing)
        w.key("contact"); w.stringArray(d.contact)
        w.key("disclosure"); w.string(d.disclosure)
        w.key("doc_number"); w.string(d.docNumber)
        w.key("doc_type"); w.string(d.docType.rawValue)
        w.key("duplicates"); w.beginArray()
        for c in d.duplicates {
            w.item(); w.beginObject()
            w.key("path"); w.string(c.path)
            w.key("sha256"); w.string(c.sha256)
            w.key("similarity"); w.double(c.similarity)
            w.endObject()
        }
        w.endArray()
        w.key("id"); w.string(d.id)
        w.key("issue_date"); w.string(d.issueDate)
        w.key("issuer"); w.string(d.issuer)
        w.key("issuer_units"); Self.units(d.issuerUnits, into: &w)
        w.key("metadata_sources"); w.beginObject()
        for k in d.metadataSources.keys.sorted() { w.key(k); w.string(d.metadataSources[k]!) }
        w.endObject()
        w.key("place"); w.beginObject()
        let p = d.place
        w.key("candidates"); w.stringArray(p.candidates)
        w.key("code"); w.string(p.code)
        w.key("level"); w.string(p.level?.rawValue)
        w.key("path"); w.stringArray(p.path)
        w.key("path_codes"); w.stringArray(p.pathCodes)
        w.key("status"); w.string(p.status.rawValue)
        w.key("via"); w.string(p.via)
        w.key("zone"); w.string(p.zone)
        w.endObject()
        w.key("plan_title"); w.string(d.planTitle)
        w.key("preamble"); w.string(d.preamble)
        w.key("publication_date"); w.string(d.publicationDate)
        w.key("quality"); w.beginObject()
        w.key("clause_coverage"); w.double(d.quality.clauseCoverage)
        w.key("layout"); w.string(d.quality.layout)
        w.key("warnings"); w.stringArray(d.quality.warnings)
        w.endObject()
        w.key("region"); w.string(d.region)
        w.key("removed"); w.beginArray()
        for r in d.removed {
            w.item(); w.beginObject()
            w.key("rule"); w.string(r.rule)
            w.key("text"); w.string(r.text)
            w.endObject()
        }
        w.endArray()
        w.key("schema_version"); w.int(d.schemaVersion)
        w.key("source"); w.beginObject()
        w.key("bytes"); w.int(d.source.bytes)
        w.key("choices"); w.int(d.source.choices)
        w.key("conversion"); w.string(d.source.conversion)
        w.key("encoding"); w.string(d.source.encoding)
        w.key("format"); w.string(d.source.format)
        w.key("path"); w.string(d.source.path)
        w.key("script"); w.string(d.source.script)
        w.key("sha256"); w.string(d.source.sha256)
        w.key("variant"); w.string(d.source.variant)
        w.endObject()
        w.key("subject")
        if let s = d.subject {
            w.beginObject()
            w.key("code"); w.string(s.code)
            w.key("evidence"); w.stringArray(s.evidence)
            w.key("name"); w.string(s.name)
            w.key("raw"); w.string(s.raw)
            w.key("score"); if let v = s.score { w.double(v) } else { w.null() }
            w.key("source"); w.string(s.source.rawValue)
            w.endObject()
        } else {
            w.null()
        }
        w.key("text"); w.string(d.text)
        w.key("title"); w.string(d.title)
        w.key("topics"); w.stringArray(d.topics)
        w.key("year"); w.int(d.year)
        w.endObject()
    }

    static func write(_ c: Clause, into w: inout JSONBytes) {
        w.beginObject()
        w.key("area"); w.string(c.area)
        w.key("deadlines"); w.stringArray(c.deadlines)
        w.key("evidence"); w.stringArray(c.evidence)
        w.key("heading"); w.string(c.heading)
        w.key("id"); w.string(c.id)
        w.key("label"); w.string(c.label)
        w.key("level"); w.int(c.level)
        w.key("number"); w.int(c.number)
        w.key("original"); w.string(c.original)
        w.key("parent"); w.string(c.parent)
        w.key("scores"); w.beginObject()
        for k in c.scores.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            w.key(k); w.double(c.scores[k]!)
        }
        w.endObject()
        w.key("similar"); w.beginArray()
        for s in c.similar {
            w.item(); w.beginObject()
            w.key("clause"); w.string(s.clause)
            w.key("doc"); w.string(s.doc)
            w.key("score"); w.double(s.score)
            w.endObject()
        }
        w.endArray()
        w.key("targets"); w.stringArray(c.targets)
        w.key("text"); w.string(c.text)
        w.key("topics"); w.stringArray(c.topics)
        w.key("units"); Self.units(c.units, into: &w)
        w.endObject()
    }
}

extension DocumentJSON {
    /// A list of unit mentions (a clause's, or the issuer's).
    static func units(_ units: [UnitMention], into w: inout JSONBytes) {
        w.beginArray()
        for u in units {
            // Synthesized Codable: nil optionals are left out, not written as null.
            w.item(); w.beginObject()
            if let v = u.canonical { w.key("canonical"); w.string(v) }
            if let v = u.kind { w.key("kind"); w.string(v) }
            w.key("name"); w.string(u.name)
            w.key("role"); w.string(u.role.rawValue)
            if let v = u.successor { w.key("successor"); w.string(v) }
            w.endObject()
        }
        w.endArray()
    }
}
