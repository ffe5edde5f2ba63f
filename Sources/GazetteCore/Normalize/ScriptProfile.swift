/// Character evidence about a text's script and its character standard, counted in one
/// pass over UTF-8 bytes (no `Character` iteration).
///
/// - `traditional` / `simplified`: characters only one script uses (OpenCC's tables).
/// - `hongKongForms` / `taiwanForms`: characters of the Hong Kong or Taiwan standard
///   (衞 綫 説 / 裡 著 汙) that choose between hk2s and tw2s.
public struct ScriptProfile: Sendable, Equatable {
    public var traditional = 0
    public var simplified = 0
    public var hongKongForms = 0
    public var hongKongSharedForms = 0
    public var taiwanForms = 0
    /// CJK unified ideographs seen (the base for densities).
    public var ideographs = 0
    /// 著 and 着: OpenCC-standard and Hong Kong text write zhe as 着 and keep 著 for zhù;
    /// Taiwan text writes both as 著, which only tw2s's phrase tables disambiguate.
    public var zhu = 0
    public var zhe = 0

    /// simplified (no traditional-only character), traditional (at most one simplified-only
    /// character per twenty traditional-only ones), or mixed.
    public var script: String {
        if traditional == 0 { return "simplified" }
        return simplified * 20 <= traditional ? "traditional" : "mixed"
    }

    /// Hong Kong evidence: HK-only forms always; forms shared with simplified script only
    /// when the text is otherwise traditional.
    public var hongKongScore: Int { hongKongForms + (script == "traditional" ? hongKongSharedForms : 0) }

    /// The character standard: hongkong, taiwan or standard (OpenCC's traditional forms).
    public var characterStandard: String {
        if hongKongScore > taiwanForms { return "hongkong" }
        return taiwanForms > 0 ? "taiwan" : "standard"
    }

    /// The OpenCC configuration, or nil for simplified text.
    ///
    /// tw2s only where 著 stands for zhe (Taiwan usage: 著 present, 着 (almost) absent).
    /// Everything else goes through t2s: after it, hk2s and tw2s differ only in a handful of
    /// characters (衞 枱 衹 敍 粧 糭 / 痺 簷 睪), which the `common` phrase tier maps, and
    /// their extra dictionary pass costs 25–60 % of the conversion time.
    public var openCCConfig: String? {
        if script == "simplified" { return nil }
        return zhu > 0 && zhe * 5 <= zhu ? "tw2s" : "t2s"
    }

    public init() {}

    public init(_ text: String) {
        var bytes = Array(text.utf8)
        self = bytes.withUnsafeMutableBufferPointer { ScriptProfile(utf8: UnsafeBufferPointer($0)) }
    }

    /// Count over UTF-8 bytes (invalid sequences are skipped).
    public init(utf8 input: UnsafeBufferPointer<UInt8>) {
        let flags = Self.flags
        var i = 0
        let n = input.count
        var counts = (0, 0, 0, 0, 0, 0)
        var zz = (0, 0)
        flags.withUnsafeBufferPointer { f in
            while i < n {
                let b0 = input[i]
                if b0 < 0xC0 { i += 1; continue }
                if b0 < 0xE0 { i += 2; continue }
                var scalar: Int
                if b0 < 0xF0 {
                    guard i + 2 < n else { break }
                    scalar = Int(b0 & 0x0F) << 12 | Int(input[i + 1] & 0x3F) << 6 | Int(input[i + 2] & 0x3F)
                    i += 3
                } else {
                    guard i + 3 < n else { break }
                    scalar = Int(b0 & 0x07) << 18 | Int(input[i + 1] & 0x3F) << 12 | Int(input[i + 2] & 0x3F) << 6 | Int(input[i + 3] & 0x3F)
                    i += 4
                }
                guard scalar < f.count else { continue }
                let v = f[scalar]
                if v == 0 { continue }
                if v == Flag.ideograph { counts.5 += 1; continue }   // most characters: no other flag
                if v & Flag.ideograph != 0 { counts.5 += 1 }
                if v & Flag.traditional != 0 { counts.0 += 1 }
                if v & Flag.simplified != 0 { counts.1 += 1 }
                if v & Flag.hongKong != 0 { counts.2 += 1 }
                if v & Flag.hongKongShared != 0 { counts.3 += 1 }
                if v & Flag.taiwan != 0 { counts.4 += 1 }
                if v & Flag.zhu != 0 { zz.0 += 1 }
                if v & Flag.zhe != 0 { zz.1 += 1 }
            }
        }
        (traditional, simplified, hongKongForms, hongKongSharedForms, taiwanForms, ideographs) = counts
        (zhu, zhe) = zz
    }

    enum Flag {
        static let traditional: UInt8 = 1, simplified: UInt8 = 2, hongKong: UInt8 = 4
        static let hongKongShared: UInt8 = 8, taiwan: UInt8 = 16, ideograph: UInt8 = 32
        static let zhu: UInt8 = 64, zhe: UInt8 = 128
    }

    /// One byte of flags per scalar below U+30000 (192 KiB, built once).
    static let flags: [UInt8] = {
        var f = [UInt8](repeating: 0, count: 0x30000)
        for s in 0x4E00...0x9FFF { f[s] |= Flag.ideograph }
        for s in 0x3400...0x4DBF { f[s] |= Flag.ideograph }
        for s in 0x20000..<0x30000 { f[s] |= Flag.ideograph }
        func mark(_ chars: String, _ flag: UInt8) {
            for u in chars.unicodeScalars where Int(u.value) < f.count && u.value > 0x7F { f[Int(u.value)] |= flag }
        }
        mark(ScriptCharacters.traditionalOnly, Flag.traditional)
        mark(ScriptCharacters.simplifiedOnly, Flag.simplified)
        mark(ScriptCharacters.hongKongForms, Flag.hongKong)
        mark(ScriptCharacters.hongKongSharedForms, Flag.hongKongShared)
        mark(ScriptCharacters.taiwanForms, Flag.taiwan)
        mark("著", Flag.zhu)
        mark("着", Flag.zhe)
        return f
    }()
}
