import Foundation
import GazetteCore

/// One input file of a generated corpus.
public struct GeneratedCopy: Sendable {
    /// Path relative to the output folder (starting with `corpus/`).
    public var path: String
    public var bytes: [UInt8]
    /// The text as written, before any HTML wrapping (in the copy's script).
    public var text: String
    /// The OpenCC configuration that produced the copy's script, or "none".
    public var conversion: String
}

/// Makes the copies of one document: another script (OpenCC s2t, s2tw, s2twp, s2hk),
/// another encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030, Big5), an
/// HTML page on an official or aggregator site, gzip, and small edits (one sentence
/// changed, a line of site chrome added). Copy 0 is always the simplified original.
struct CopyMaker {
    let opencc: OpenCCPool
    var convertScripts = true
    /// False when only the texts are wanted (benchmarks): no HTML, encoding or gzip bytes.
    var makeBytes = true
    static let conversions = ["s2t", "s2tw", "s2twp", "s2hk"]
    static let officialHosts = ["www.%@.gov.cn", "zwgk.%@.gov.cn", "xxgk.%@.gov.cn"]
    static let aggregators = [("www.zhengce-daquan.com", "政策大全网"), ("news.wenku-mirror.net", "文库镜像"),
                              ("www.fagui-portal.cn", "法规门户"), ("docs.gongwen-hub.org", "公文汇")]

    func copies(of lines: [String], title: String, region: String, year: Int, count: Int, name: (Int) -> String,
                rng: inout SeededRandom) throws -> [GeneratedCopy] {
        var converted: [String: [String]] = ["none": lines]
        var out: [GeneratedCopy] = []
        let date = String(format: "%04d-%02d-%02d", year, rng.int(1...12), rng.int(1...28))
        let slug = "c" + String(UInt32(truncatingIfNeeded: Shingler.mix(UInt64(truncatingIfNeeded: region.hashValueStable)) >> 40), radix: 36)
        for c in 0..<count {
            let conversion = c == 0 ? "none" : (rng.chance(0.4) ? "none" : rng.pick(Self.conversions))
            var text = lines
            if c > 0 {
                let edit = rng.unit(0...1)
                if edit < 0.15 { text = Self.changeSentence(text, rng: &rng) } else if edit < 0.3 { text = Self.addChrome(text, region: region, date: date, rng: &rng) }
            }
            if conversion != "none" && convertScripts {
                if text == lines {
                    if converted[conversion] == nil { converted[conversion] = try opencc.with(conversion) { c in lines.map { c.convert($0) } } }
                    text = converted[conversion]!
                } else {
                    text = try opencc.with(conversion) { c in text.map { c.convert($0) } }
                }
            }
            let html = c == 0 ? rng.chance(0.3) : rng.chance(0.5)
            let official = c == 0 || rng.chance(0.6)
            var encodings = ["utf-8", "utf-8", "utf-8", "utf-8-bom", "utf-16le", "gb18030", "gb18030"]
            if conversion != "none" { encodings += ["big5", "big5"] }
            var encoding = c == 0 ? rng.pick(["utf-8", "gb18030"]) : rng.pick(encodings)
            let joined = text.joined(separator: "\n") + "\n"
            var path: String, body: String
            let id = name(c)
            // Draws made whether or not bytes are wanted, so a benchmark sees the same corpus.
            let gzip = rng.chance(0.15)
            var pageRng = SeededRandom(seed: rng.next())
            if html {
                let (host, site): (String, String)
                if official { host = String(format: pageRng.pick(Self.officialHosts), slug); site = region + "人民政府门户网站" } else { (host, site) = pageRng.pick(Self.aggregators) }
                let charsetName = ["utf-8": "utf-8", "utf-8-bom": "utf-8", "utf-16le": "utf-16", "gb18030": "gb2312", "big5": "big5"][encoding]!
                let declared = pageRng.chance(0.2) ? pageRng.pick(["gb2312", "utf-8", "iso-8859-1"]) : charsetName
                let titleText = conversion == "none" ? title : (text.first ?? title)
                body = !makeBytes ? "" : SiteChrome(host: host, siteName: site, official: official).page(title: titleText, lines: text, region: region, date: date, charset: declared, rng: &pageRng)
                path = "corpus/\(host)/art/\(year)/\(id).html"
            } else {
                body = joined
                path = "corpus/files/\(id.prefix(2))/\(id).txt"
            }
            if gzip { path += ".gz" }
            if !makeBytes {
                out.append(GeneratedCopy(path: path, bytes: [], text: joined, conversion: conversion))
                continue
            }
            var bytes = TextEncoding.encode(body, as: encoding)
            if bytes == nil { encoding = "utf-8"; bytes = Array(body.utf8) }
            if gzip { bytes = Gzip.deflate(bytes!) }
            out.append(GeneratedCopy(path: path, bytes: bytes!, text: joined, conversion: conversion))
        }
        return out
    }

    /// One sentence of one body line changed: its numbers altered, or a few characters dropped.
    static func changeSentence(_ lines: [String], rng: inout SeededRandom) -> [String] {
        let body = lines.indices.filter { SampleLibrary.hanCount(lines[$0]) >= 20 }
        guard let i = body.isEmpty ? nil : rng.pick(body) else { return lines }
        var chars = Array(lines[i])
        let digits = chars.indices.filter { chars[$0].isASCII && chars[$0].isNumber }
        if !digits.isEmpty && rng.chance(0.5) {
            let d = rng.pick(digits)
            chars[d] = Character(String((Int(String(chars[d]))! + rng.int(1...8)) % 10))
        } else {
            let len = rng.int(3...8)
            let start = rng.int(0...max(0, chars.count - len - 1))
            chars.removeSubrange(start..<min(chars.count, start + len))
        }
        var out = lines
        out[i] = String(chars)
        return out
    }

    /// A line of site chrome at the top or the bottom.
    static func addChrome(_ lines: [String], region: String, date: String, rng: inout SeededRandom) -> [String] {
        let chrome = rng.pick([
            "来源：\(region)人民政府办公厅　发布时间：\(date)　浏览次数：\(rng.int(100...9999))",
            "【字体：大 中 小】【打印本页】【关闭窗口】",
            "分享到：微信 微博 QQ空间",
            "扫一扫在手机打开当前页",
        ])
        var out = lines
        if rng.chance(0.5) { out.insert(chrome, at: 0) } else { out.append(chrome) }
        return out
    }
}

extension String {
    /// FNV-1a of the UTF-8 bytes: a hash that, unlike `hashValue`, is the same in every process.
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
