import Foundation
import XCTest
@testable import GazetteCore
import GazetteTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The shared sample documents and helpers that re-encode them, for ingest and clean tests.
enum SampleCorpus {
    static var folder: URL { Fixtures.samples }

    static func files() throws -> [URL] { try Fixtures.sampleFiles() }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Encode with iconv; nil when a character has no mapping in `encoding`.
    static func encode(_ s: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(s.utf8)
        var out = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count, outLeft = out.count
        let ok: Bool = input.withUnsafeMutableBufferPointer { ib in
            out.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress!).assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft) != -1 && inLeft == 0
            }
        }
        return ok ? Array(out[0..<(out.count - outLeft)]) : nil
    }

    static func utf16(_ s: String, little: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for u in s.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += little ? [lo, hi] : [hi, lo]
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `text` inside a page as a government site serves it: navigation, a metadata table,
    /// share bar, scripts with event handlers, footer — and a charset declaration that
    /// may well be wrong. Paragraphs are wrapped in the source, as editors' tools do.
    static func governmentPage(_ text: String, charset: String) -> String {
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let title = escape(lines.first ?? "")
        let paragraphs = lines.map { line -> String in
            let chars = Array(escape(line))
            var wrapped = ""
            var run = 0
            for c in chars {
                // Editors' tools wrap long Chinese lines before a Chinese character.
                if run >= 30, c.unicodeScalars.first.map({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }) == true { wrapped += "\n      "; run = 0 }
                wrapped.append(c); run += 1
            }
            return "    <p style=\"text-indent:2em\">\(wrapped)</p>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head>
        <meta http-equiv="Content-Type" content="text/html; charset=\(charset)" />
        <title>\(title)_政府信息公开</title>
        <script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计代码加载中</div>");</script>
        <style>body { font-size: 14px } .nav li { float: left }</style>
        </head>
        <body onload="init()">
        <div class="header"><div class="topbar">无障碍 | 长者模式 | 登录 | 注册</div><img src="logo.png" alt="中国政府网"/></div>
        <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hd/">互动交流</a></li><li><a href="/fw/">办事服务</a></li></ul></div>
        <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
        <table class="xxgk-meta" border="1">
          <tr><td>索引号：</td><td>000014349/2020-00123</td><td>主题分类：</td><td>政府工作</td></tr>
          <tr><td>发文机关：</td><td>人民政府办公厅</td><td>成文日期：</td><td>2020年03月20日</td></tr>
          <tr><td>标题：</td><td>\(title)</td></tr>
          <tr><td>发文字号：</td><td>府办〔2020〕20号</td><td>发布日期：</td><td>2020年03月27日</td></tr>
        </table>
        <div class="article">
          <div class="fontsize">字号：<a onclick="doZoom(16)">大</a> <a onclick="doZoom(14)">中</a> <a onclick="doZoom(12)">小</a></div>
          <div id="zoom" class="TRS_Editor">
        \(paragraphs)
          </div>
          <script>window.onerror = function(){ alert('政务公开工作要点') };</script>
          <div class="share">分享到：<a href="#" onclick="share('weibo')">微博</a> <a href="#">微信</a></div>
          <div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
        </div>
        <div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">关于进一步加强政务公开的通知</a></li><li><a href="/b.html">政务公开工作解读</a></li></ul></div>
        <div class="footer"><p>主办单位：人民政府办公厅 版权所有 网站标识码：3100000001 沪ICP备05003086号</p><p>联系我们 | 网站地图 | 网站声明</p></div>
        <noscript>请开启JavaScript</noscript>
        </body></html>
        """
    }

    /// ingest → clean → normalize, the texts the variant tests compare.
    static func pipelineText(bytes: [UInt8], path: String, normalizer: Normalizer) throws -> (text: String, encoding: String, format: String) {
        let ingested = try Ingester().ingest(bytes: bytes, path: path, sha256: "")
        let cleaned = Cleaner().clean(ingested.text)
        return (try normalizer.normalize(cleaned.text).text, ingested.encoding, ingested.format)
    }

    static func normalizer() throws -> Normalizer {
        guard let data = OpenCCConverter.locateDataDirectory() else { throw XCTSkip("OpenCC data not found (run make build-debug)") }
        return Normalizer(pool: OpenCCPool(dataDirectory: data))
    }
}
