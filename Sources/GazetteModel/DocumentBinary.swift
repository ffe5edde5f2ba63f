/// A compact binary form of `Document` for the per-document cache: written and read field by
/// field in declaration order (lengths as varints, numbers as fixed 8 bytes, optionals with a
/// presence byte), so reading a cached document back costs a copy of its strings rather than
/// a JSON parse. Not a published format: the cache checks entries and recomputes what it
/// cannot read. `decode(encode(d)) == d` is pinned by tests.
public enum DocumentBinary {
    public static func encode(_ d: Document, into out: inout [UInt8]) {
        var w = Writer(out: out)
        out = []
        w.int(d.schemaVersion); w.string(d.id); w.string(d.title); w.string(d.planTitle); w.string(d.docType.rawValue)
        w.string(d.region); w.int(d.year); w.string(d.issuer); w.string(d.docNumber); w.string(d.issueDate)
        w.string(d.publicationDate); w.strings(d.addressees); w.strings(d.contact); w.string(d.disclosure)
        let s = d.source
        w.string(s.path); w.string(s.sha256); w.string(s.format); w.string(s.encoding); w.string(s.script)
        w.string(s.variant); w.string(s.conversion); w.int(s.bytes); w.int(s.choices)
        w.count(d.duplicates.count)
        for c in d.duplicates { w.string(c.path); w.string(c.sha256); w.double(c.similarity) }
        w.string(d.text); w.string(d.preamble); w.string(d.closing)
        w.count(d.clauses.count)
        for c in d.clauses { clause(c, &w) }
        w.count(d.appendices.count)
        for a in d.appendices {
            w.string(a.kind.rawValue); w.string(a.title); w.string(a.text)
            w.count(a.qa.count)
            for q in a.qa { w.string(q.question); w.string(q.answer) }
        }
        w.count(d.removed.count)
        for r in d.removed { w.string(r.rule); w.string(r.text) }
        w.count(d.metadataSources.count)
        for k in d.metadataSources.keys.sorted() { w.string(k); w.string(d.metadataSources[k]!) }
        w.string(d.quality.layout); w.double(d.quality.clauseCoverage); w.strings(d.quality.warnings)
        let p = d.place
        w.string(p.status.rawValue); w.string(p.level?.rawValue); w.string(p.code); w.strings(p.path); w.strings(p.pathCodes)
        w.string(p.zone); w.strings(p.candidates); w.string(p.via)
        w.strings(d.topics)
        units(d.issuerUnits, &w)
        if let s = d.subject {
            w.out.append(1)
            w.string(s.code); w.string(s.name); w.string(s.source.rawValue); w.string(s.raw)
            if let v = s.score { w.out.append(1); w.double(v) } else { w.out.append(0) }
            w.strings(s.evidence)
        } else {
            w.out.append(0)
        }
        out = w.out
    }

    static func clause(_ c: Clause, _ w: inout Writer) {
        w.string(c.id); w.string(c.parent); w.int(c.level); w.string(c.label); w.int(c.number); w.string(c.heading)
        w.string(c.text); w.string(c.original); w.string(c.area); w.strings(c.topics); w.strings(c.evidence)
        units(c.units, &w)
        w.strings(c.deadlines); w.strings(c.targets)
        w.count(c.similar.count)
        for s in c.similar { w.string(s.doc); w.string(s.clause); w.double(s.score) }
        w.count(c.scores.count)
        for k in c.scores.keys.sorted() { w.string(k); w.double(c.scores[k]!) }
    }

    /// The document in `bytes`, or nil when they are not one (truncated, or an unknown code).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Document? {
        var r = Reader(bytes)
        do {
            let schema = try r.int()
            let id = try r.string(), title = try r.string(), planTitle = try r.string()
            guard let docType = DocType(rawValue: try r.string()) else { return nil }
            let region = try r.optString(), year = try r.optInt(), issuer = try r.optString(), docNumber = try r.optString()
            let issueDate = try r.optString(), publicationDate = try r.optString()
            let addressees = try r.strings(), contact = try r.strings(), disclosure = try r.optString()
            let source = Source(path: try r.string(), sha256: try r.string(), format: try r.string(), encoding: try r.string(),
                                script: try r.string(), variant: try r.string(), conversion: try r.string(), bytes: try r.int(),
                                choices: try r.int())
            var duplicates: [DuplicateCopy] = []
            for _ in 0..<(try r.count()) { duplicates.append(DuplicateCopy(path: try r.string(), sha256: try r.string(), similarity: try r.double())) }
            let text = try r.string(), preamble = try r.string(), closing = try r.string()
            var clauses: [Clause] = []
            let nc = try r.count()
            clauses.reserveCapacity(nc)
            for _ in 0..<nc { guard let c = try clause(&r) else { return nil }; clauses.append(c) }
            var appendices: [Appendix] = []
            for _ in 0..<(try r.count()) {
                guard let kind = Appendix.Kind(rawValue: try r.string()) else { return nil }
                let t = try r.string(), body = try r.string()
                var qa: [Appendix.QA] = []
                for _ in 0..<(try r.count()) { qa.append(Appendix.QA(question: try r.string(), answer: try r.string())) }
                appendices.append(Appendix(kind: kind, title: t, text: body, qa: qa))
            }
            var removed: [RemovedLine] = []
            for _ in 0..<(try r.count()) { removed.append(RemovedLine(rule: try r.string(), text: try r.string())) }
            var sources: [String: String] = [:]
            for _ in 0..<(try r.count()) { let k = try r.string(); sources[k] = try r.string() }
            let quality = DocumentQuality(layout: try r.string(), clauseCoverage: try r.double(), warnings: try r.strings())
            guard let status = Place.Status(rawValue: try r.string()) else { return nil }
            let levelCode = try r.optString()
            let level = levelCode.flatMap(Place.Level.init(rawValue:))
            if levelCode != nil && level == nil { return nil }
            let place = Place(status: status, level: level, code: try r.optString(), path: try r.strings(), pathCodes: try r.strings(),
                              zone: try r.optString(), candidates: try r.strings(), via: try r.string())
            let topics = try r.strings()
            guard let issuerUnits = try units(&r) else { return nil }
            var subject: DocumentSubject? = nil
            if try r.byte() != 0 {
                let code = try r.optString(), name = try r.string()
                guard let source = DocumentSubject.Source(rawValue: try r.string()) else { return nil }
                let raw = try r.optString(), score = try r.byte() == 0 ? nil : try r.double()
                subject = DocumentSubject(code: code, name: name, source: source, raw: raw, score: score, evidence: try r.strings())
            }
            guard r.at == bytes.count else { return nil }
            var d = Document(id: id, title: title, planTitle: planTitle, docType: docType, region: region, year: year, issuer: issuer,
                             docNumber: docNumber, issueDate: issueDate, publicationDate: publicationDate, addressees: addressees,
                             contact: contact, disclosure: disclosure, source: source, duplicates: duplicates, text: text,
                             preamble: preamble, closing: closing, clauses: clauses, appendices: appendices, removed: removed)
            d.schemaVersion = schema
            d.metadataSources = sources; d.quality = quality; d.place = place; d.subject = subject; d.issuerUnits = issuerUnits; d.topics = topics
            return d
        } catch {
            return nil
        }
    }

    /// A list of unit mentions (a clause's, or the issuer's).
    static func units(_ units: [UnitMention], _ w: inout Writer) {
        w.count(units.count)
        for u in units { w.string(u.name); w.string(u.canonical); w.string(u.role.rawValue); w.string(u.successor); w.string(u.kind) }
    }

    /// nil when a role is not one of `UnitMention.Role`.
    static func units(_ r: inout Reader) throws -> [UnitMention]? {
        var out: [UnitMention] = []
        for _ in 0..<(try r.count()) {
            let name = try r.string(), canonical = try r.optString()
            guard let role = UnitMention.Role(rawValue: try r.string()) else { return nil }
            out.append(UnitMention(name: name, canonical: canonical, role: role, successor: try r.optString(), kind: try r.optString()))
        }
        return out
    }

    static func clause(_ r: inout Reader) throws -> Clause? {
        let id = try r.string(), parent = try r.optString(), level = try r.int(), label = try r.string(), number = try r.int()
        let heading = try r.string(), text = try r.string(), original = try r.string(), area = try r.optString()
        let topics = try r.strings(), evidence = try r.strings()
        guard let units = try units(&r) else { return nil }
        let deadlines = try r.strings(), targets = try r.strings()
        var similar: [SimilarClause] = []
        for _ in 0..<(try r.count()) { similar.append(SimilarClause(doc: try r.string(), clause: try r.string(), score: try r.double())) }
        var scores: [String: Double] = [:]
        let ns = try r.count()
        scores.reserveCapacity(ns)
        for _ in 0..<ns { let k = try r.string(); scores[k] = try r.double() }
        return Clause(id: id, parent: parent, level: level, label: label, number: number, heading: heading, text: text,
                      original: original, area: area, topics: topics, evidence: evidence, units: units, deadlines: deadlines,
                      targets: targets, similar: similar, scores: scores)
    }

    /// Appends little-endian fields to a byte array (the cache's binary forms share it).
    public struct Writer {
        public var out: [UInt8]
        public init(out: [UInt8] = []) { self.out = out }
        public mutating func count(_ n: Int) {
            var v = UInt(n)
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }
        public mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        public mutating func int(_ v: Int?) { if let v { out.append(1); int(v) } else { out.append(0) } }
        public mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        public mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { count($0.count); out.append(contentsOf: $0) }
        }
        public mutating func string(_ s: String?) { if let s { out.append(1); string(s) } else { out.append(0) } }
        public mutating func strings(_ a: [String]) { count(a.count); for s in a { string(s) } }
        /// An array of fixed-width integers: its count, then each value little-endian.
        public mutating func words<T: FixedWidthInteger>(_ a: [T]) {
            count(a.count)
            #if _endian(little)
            a.withUnsafeBytes { out.append(contentsOf: $0) }
            #else
            for v in a { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
            #endif
        }
    }

    public struct Truncated: Error { public init() {} }

    /// Reads what `Writer` wrote; every read past the end throws `Truncated`.
    public struct Reader {
        let b: UnsafeRawBufferPointer
        public var at = 0
        public init(_ b: UnsafeRawBufferPointer) { self.b = b }
        public var atEnd: Bool { at == b.count }
        public mutating func byte() throws -> UInt8 {
            guard at < b.count else { throw Truncated() }
            defer { at += 1 }
            return b[at]
        }
        public mutating func count() throws -> Int {
            var v: UInt = 0, shift: UInt = 0
            while true {
                let x = try byte()
                guard shift < 63 else { throw Truncated() }
                v |= UInt(x & 0x7F) << shift
                if x < 0x80 { break }
                shift += 7
            }
            // Every element and every string byte takes at least a byte.
            guard v <= UInt(b.count - at) else { throw Truncated() }
            return Int(v)
        }
        public mutating func u64() throws -> UInt64 {
            guard b.count - at >= 8 else { throw Truncated() }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(b[at + k]) << (8 * UInt64(k)) }
            at += 8
            return v
        }
        public mutating func int() throws -> Int { Int(Int64(bitPattern: try u64())) }
        public mutating func optInt() throws -> Int? { try byte() == 0 ? nil : try int() }
        public mutating func double() throws -> Double { Double(bitPattern: try u64()) }
        public mutating func string() throws -> String {
            let n = try count()
            guard b.count - at >= n else { throw Truncated() }
            defer { at += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: b[at..<(at + n)]), as: UTF8.self)
        }
        public mutating func optString() throws -> String? { try byte() == 0 ? nil : try string() }
        public mutating func strings() throws -> [String] {
            let n = try count()
            var a: [String] = []
            a.reserveCapacity(min(n, 1 << 16))
            for _ in 0..<n { a.append(try string()) }
            return a
        }
        public mutating func words<T: FixedWidthInteger>(_: T.Type) throws -> [T] {
            let n = try count(), size = MemoryLayout<T>.size
            guard n <= (b.count - at) / size else { throw Truncated() }
            var a = [T](repeating: 0, count: n)
            a.withUnsafeMutableBytes { dst in
                guard n > 0, let base = dst.baseAddress, let src = b.baseAddress else { return }
                base.copyMemory(from: src + at, byteCount: n * size)
            }
            at += n * size
            for k in a.indices { a[k] = T(littleEndian: a[k]) }
            return a
        }
    }
}
