/// Genuinely different documents that share boilerplate with the samples and with each
/// other: another region and year on a sample's template, with a fraction of its body
/// lines rewritten by recombining halves of lines from all samples — as two cities'
/// plans drafted from one template are, or one city's plans of consecutive years.
struct DocumentVariants {
    let library: SampleLibrary

    /// A variant of sample `template` for `region` and `year`, with `fraction` of its body
    /// lines (at least three) replaced.
    func variant(of template: Int, region: String, year: Int, fraction: Double, rng: inout SeededRandom) -> [String] {
        let s = library.samples[template]
        let delta = s.year.map { year - $0 } ?? 0
        let lines = s.lines.map { SampleLibrary.shiftYears(SampleLibrary.moveRegion($0, from: s.regions, to: region), by: delta) }
        return rewrite(lines, body: s.body, fraction: fraction, region: region, rng: &rng)
    }

    /// The next year's plan of the same region: years moved by one, `fraction` of the body rewritten.
    func nextYear(_ lines: [String], body: [Int], region: String, fraction: Double, rng: inout SeededRandom) -> [String] {
        rewrite(lines.map { SampleLibrary.shiftYears($0, by: 1) }, body: body, fraction: fraction, region: region, rng: &rng)
    }

    func rewrite(_ lines: [String], body: [Int], fraction: Double, region: String, rng: inout SeededRandom) -> [String] {
        var out = lines
        guard !body.isEmpty else { return out }
        let n = min(body.count, max(3, Int((Double(body.count) * fraction).rounded())))
        var chosen = body
        chosen.shuffle(using: &rng)
        for i in chosen.prefix(n) { out[i] = recombined(region: region, rng: &rng) }
        return out
    }

    /// The first part of one pool line joined to the last part of another, split at a
    /// comma or semicolon, so recombined lines are new text made of real phrasing.
    func recombined(region: String, rng: inout SeededRandom) -> String {
        let a = rng.pick(library.pool), b = rng.pick(library.pool)
        let head = Self.split(a, rng: &rng).0, tail = Self.split(b, rng: &rng).1
        let all = library.samples.flatMap(\.regions)
        return SampleLibrary.moveRegion(head + "，" + tail, from: Array(Set(all)).sorted(), to: region)
    }

    static func split(_ line: String, rng: inout SeededRandom) -> (String, String) {
        let chars = Array(line)
        let cuts = chars.indices.filter { "，；、。,;".contains(chars[$0]) && $0 > 2 && $0 < chars.count - 3 }
        let cut = cuts.isEmpty ? chars.count / 2 : rng.pick(cuts)
        return (String(chars[..<cut]), String(chars[(cut + 1)...]))
    }
}
