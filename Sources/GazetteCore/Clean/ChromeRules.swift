import Foundation

/// The line rules of the clean stage: which whole lines are web chrome.
///
/// Two kinds of rule. *Tokens* are pieces of page furniture (【我要纠错】, 责任编辑：某某,
/// 字号 默认 超大, 打印, 扫一扫在手机打开当前页 …); a line is chrome when nothing but tokens
/// and separators is left of it — so a line of prose that merely mentions 打印 or 二维码
/// is never dropped. *Line patterns* match a whole line by its start (来源：…, 当前位置：…,
/// 版权所有 …). Lines with a Chinese full stop are prose and are never chrome.
enum ChromeRules {
    static func re(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p, options: []) }

    static let tokens: [(rule: String, re: NSRegularExpression)] = [
        ("font-size-controls", re(#"(字号|字號|字体|字體)\s*[:：]?\s*([【\[]?(默认|默認|特大|超大|大|中|小|标准|標準|A\+|A-|A)[】\]]?\s*)+"#)),
        ("report-error", re(#"[【\[]?(我要纠错|我要糾錯|纠错|糾錯)[】\]]?"#)),
        ("qr-code", re(#"(扫一扫在手机打开当前页|掃一掃在手機打開當前頁|扫一扫在手机上打开当前页|用手机扫一扫|手机扫一扫|微信扫一扫|扫一扫|掃一掃|扫描二维码|掃描二維碼)(分享|关注|關注|打开|打開|阅读|閱讀)?"#)),
        ("editor-credit", re(#"[（(【\[]?(责任编辑|責任編輯|网站编辑|網站編輯|编辑|編輯|校对|校對|审核|審核|撰稿|供稿|值班编辑)\s*[:：]\s*[\p{Han}A-Za-z·]{1,12}([、,，\s][\p{Han}A-Za-z·]{1,12}){0,3}[）)】\]]?"#)),
        ("view-count", re(#"(点击数|點擊數|点击量|點擊量|点击|點擊|浏览次数|瀏覽次數|浏览量|瀏覽量|阅读次数|閱讀次數|阅读量|閱讀量|访问量|訪問量)\s*[:：]\s*\d*\s*次?"#)),
        ("print-controls", re(#"[【\[]?(打印本页|打印本頁|打印此页|打印正文|打印|列印|关闭窗口|關閉窗口|关闭本页|關閉本頁|关闭|關閉|加入收藏|收藏本页|收藏|保存本页|保存|返回顶部|返回頂部|分享到|分享至|分享|下载|下載)[】\]]?"#)),
        // A share bar: 微信 微博 QQ空间 全真版 文字版 文件下载.
        ("share-bar", re(#"(QQ空间|QQ空間|新浪微博|腾讯微博|騰訊微博|微信|微博|朋友圈|全真版|文字版|文件下载|文件下載)"#)),
        ("site-header", re(#"(ENGLISH|English|EN|繁体版|繁體版|简体版|簡體版|繁体|繁體|简体|簡體|无障碍浏览|無障礙瀏覽|无障碍|無障礙|长者模式|長者模式|关怀版|關懷版|登录|登錄|注册|註冊|网站地图|網站地圖|手机版|手機版|设为首页|設為首頁|联系我们|聯繫我們|聯絡我們|关于我们|關於我們|网站声明|網站聲明|隐私声明|隱私聲明|使用帮助|使用幫助|智能问答|智能問答|热门词条|熱門詞條)"#)),
    ]
    /// What may sit between tokens: separators, brackets, dates of a share bar.
    static let separators = re(#"^[\s|｜/／·•>＞»›:：,，、\-—_\[\]【】()（）]*$"#)

    static let lines: [(rule: String, re: NSRegularExpression)] = [
        // The source/date line of a news page (来源：… 更新时间：…): chrome, but its date is
        // metadata, so the structure stage reads it from `removed`.
        ("source-line", re(#"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s+)?(来源|來源|信息来源|信息來源|文章来源|文章來源|发布时间|發布時間|更新时间|更新時間|发布日期|發布日期)\s*[:：].{0,80}$"#)),
        ("navigation", re(#"^(首页|首頁|当前位置|當前位置|您当前的位置|您當前的位置|您的位置|您现在的位置|您現在的位置|所在位置)\s*[:：>＞»›].{0,100}$"#)),
        ("copyright", re(#"^.{0,60}(版权所有|版權所有|Copyright|COPYRIGHT|©|ICP备|ICP備|ICP证|网站标识码|網站標識碼|公网安备|公網安備).{0,80}$"#)),
        ("copyright", re(#"^(主办单位|主辦單位|承办单位|承辦單位|主办|主辦|技术支持|技術支持|网站维护|網站維護)\s*[:：].{0,80}$"#)),
        ("print-controls", re(#"^(分享到|分享至)\s*[:：].{0,40}$"#)),
        ("url-line", re(#"^(https?://|www\.)\S+$"#)),
        ("page-nav", re(#"^(上一篇|下一篇|上一条|下一條|下一条|上一條|返回列表)\s*[:：].{0,80}$"#)),
    ]

    /// A menu: three or more short items between bars (首页 | 政务公开 | 互动交流).
    static let menu = re(#"^[\p{Han}A-Za-z]{2,8}(\s*[|｜]\s*[\p{Han}A-Za-z]{2,8}){2,}\s*[|｜]?$"#)

    /// Headers of link blocks (相关词条 …): the header and the short link lines after it go.
    static let relatedHeader = re(#"^(相关词条|相關詞條|相关链接|相關鏈接|相关文章|相關文章|相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热点推荐|熱點推薦|相关稿件|相關稿件|热门词条|熱門詞條)\s*[:：]?$"#)
    /// Headers of a site disclaimer (声明：① 本网站所有原创…).
    static let disclaimerHeader = re(#"^(声明|聲明|免责声明|免責聲明|版权声明|版權聲明|郑重声明|鄭重聲明)\s*[:：]?"#)
    static let disclaimerBody = re(#"(本网站|本網站|本站|本网|本網|转载|轉載|版权|版權)"#)

    static func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(location: 0, length: s.utf16.count)) != nil
    }

    /// Cheap necessary conditions, checked before a rule's regular expression runs (most
    /// lines fail them): the line starts with one of `first`, or contains one of `any`.
    /// Each set is read off the rule's alternatives: every literal holds one of them.
    struct Keys {
        var first: Set<Unicode.Scalar> = []
        var any: Set<Unicode.Scalar> = []
        init(first: String = "", any: String = "") { self.first = Set(first.unicodeScalars); self.any = Set(any.unicodeScalars) }

        /// `admit` for keys of first characters only, from the line's first scalar.
        func admits(first v: UInt32) -> Bool {
            precondition(any.isEmpty, "only for first-character keys")
            return first.isEmpty || Unicode.Scalar(v).map { first.contains($0) } == true
        }

        func admit(_ s: String) -> Bool {
            if !first.isEmpty {
                guard let f = s.unicodeScalars.first, first.contains(f) else { return false }
            }
            return any.isEmpty || s.unicodeScalars.contains { any.contains($0) }
        }
    }

    /// Keys of the line patterns, by index into `lines`.
    static let lineKeys: [Keys] = [
        Keys(any: "源时時期"),          // source-line: 来源 … 时间 … 日期
        Keys(first: "首当當您所"),       // navigation
        Keys(any: "权權C©I识識安"),       // copyright: 版权所有 Copyright ICP 网站标识码 公网安备
        Keys(first: "主承技网網"),       // copyright: 主办单位 … 网站维护
        Keys(first: "分"),              // print-controls: 分享到
        Keys(first: "hw"),              // url-line
        Keys(first: "上下返"),           // page-nav
    ]
    /// Keys of the tokens, by index into `tokens`.
    static let tokenKeys: [Keys] = [
        Keys(any: "字"),                                        // font-size-controls
        Keys(any: "纠糾"),                                      // report-error
        Keys(any: "扫掃"),                                      // qr-code
        Keys(any: "编編校审審撰供"),                              // editor-credit
        Keys(any: "击擊览覽读讀访訪"),                            // view-count
        Keys(any: "印闭閉藏存返享载載"),                          // print-controls
        Keys(any: "Q微朋版载載"),                                 // share-bar
        Keys(any: "E繁简簡障模怀懷登册冊图圖版首们們声聲助答条條"),  // site-header
    ]
    static let menuKeys = Keys(any: "|｜")
    static let fullStop: Unicode.Scalar = "。"

    /// Every rule's keys in one table: bit `k` of a scalar's entry says it is a key of rule
    /// `k` (the line patterns, then the tokens, then the menu), as a first character in the
    /// upper half, anywhere in the lower half. One pass over a line admits all rules at once.
    struct KeyTable {
        var slot = [UInt8](repeating: 0, count: 0x10000)   // 0: no key; keys are all in the BMP
        var masks: [UInt64] = [0]
        var needFirst: UInt32 = 0, needAny: UInt32 = 0

        init(_ keys: [Keys]) {
            precondition(keys.count <= 32)
            for (k, key) in keys.enumerated() {
                if !key.first.isEmpty { needFirst |= 1 << UInt32(k) }
                if !key.any.isEmpty { needAny |= 1 << UInt32(k) }
                for u in key.first { add(u, UInt64(1) << UInt64(32 + k)) }
                for u in key.any { add(u, UInt64(1) << UInt64(k)) }
            }
        }

        private mutating func add(_ u: Unicode.Scalar, _ bit: UInt64) {
            precondition(u.value < 0x10000)
            if slot[Int(u.value)] == 0 { masks.append(0); slot[Int(u.value)] = UInt8(masks.count - 1) }
            masks[Int(slot[Int(u.value)])] |= bit
        }

        /// What `rule(for:)` needs of a line in one pass: its UTF-16 length, whether it holds
        /// a Chinese full stop, and the rules whose keys admit it (bit k: `keys[k].admit(line)`).
        func scan(_ line: String) -> (utf16: Int, fullStop: Bool, admitted: UInt32) {
            var line = line
            return line.withUTF8 { scan($0) }
        }

        func scan(_ b: UnsafeBufferPointer<UInt8>) -> (utf16: Int, fullStop: Bool, admitted: UInt32) {
            let s = scanLine(b)
            return (s.utf16, s.fullStop, s.admitted)
        }

        /// `scan`, and whether the line is simple (`SimpleText.isSimple`), in the same pass.
        func scanLine(_ b: UnsafeBufferPointer<UInt8>) -> LineScan {
            var utf16 = 0, fullStop = false, simple = true
            var first: UInt32 = 0, any: UInt32 = 0
            var i = 0
            let simpleBits = KeyTable.simpleBits
            while i < b.count {
                let (v, len) = FastText.scalar(b, i)
                utf16 += len == 4 ? 2 : 1
                if v == 0x3002 { fullStop = true }
                if v < 0x10000 {
                    let m = masks[Int(slot[Int(v)])]
                    any |= UInt32(truncatingIfNeeded: m)
                    if i == 0 { first = UInt32(truncatingIfNeeded: m >> 32) }
                    if simpleBits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { simple = false }
                } else if !SimpleText.isSimpleScalar(v) {
                    simple = false
                }
                i += len
            }
            let admitted = ~(needFirst & ~first) & ~(needAny & ~any)
            return LineScan(utf16: utf16, fullStop: fullStop, admitted: admitted, simple: simple)
        }

        /// `SimpleText.isSimpleScalar` for the BMP, one bit per scalar.
        static let simpleBits: [UInt64] = {
            var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
            for v in 0..<0x10000 where SimpleText.isSimpleScalar(UInt32(v)) { bits[v >> 6] |= 1 << UInt64(v & 63) }
            return bits
        }()
    }

    /// One line as the rules see it (see `KeyTable.scanLine`).
    struct LineScan {
        var utf16: Int, fullStop: Bool, admitted: UInt32, simple: Bool
    }

    /// `lineKeys`, then `tokenKeys`, then `menuKeys`.
    static let keyTable = KeyTable(lineKeys + tokenKeys + [menuKeys])

    /// The rule that makes `line` chrome, or nil for a line to keep.
    static func rule(for line: String) -> String? {
        if line.utf8.count > 4 * 200 { return nil }   // over 200 UTF-16 units for certain
        let scan = keyTable.scan(line)
        guard scan.utf16 <= 200, !scan.fullStop else { return nil }
        return rule(for: line, admitted: scan.admitted)
    }

    /// `rule(for:)` of a line's UTF-8 bytes, with the line as a String when it is chrome.
    /// No String is made for a line that no rule's keys admit.
    static func rule(utf8 line: UnsafeBufferPointer<UInt8>, scan: LineScan) -> (rule: String, line: String)? {
        guard scan.utf16 <= 200, !scan.fullStop, scan.admitted != 0 else { return nil }
        let s = String(decoding: line, as: UTF8.self)
        return rule(for: s, admitted: scan.admitted).map { (rule: $0, line: s) }
    }

    static func rule(for line: String, admitted: UInt32) -> String? {
        for (k, (rule, re)) in lines.enumerated() where admitted & (1 << UInt32(k)) != 0 && matches(re, line) { return rule }
        // Token reduction: remove every token; chrome when only separators remain.
        // (Replacing a token by a space adds no key, so the keys are checked on the line.)
        var rest = line as NSString
        var first: String? = nil
        for (k, (rule, re)) in tokens.enumerated() where admitted & (1 << UInt32(lines.count + k)) != 0 {
            let range = NSRange(location: 0, length: rest.length)
            if re.firstMatch(in: rest as String, range: range) != nil {
                first = first ?? rule
                rest = re.stringByReplacingMatches(in: rest as String, range: range, withTemplate: " ") as NSString
            }
        }
        if let first, matches(separators, rest as String) { return first }
        return admitted & (1 << UInt32(lines.count + tokens.count)) != 0 && matches(menu, line) ? "navigation" : nil
    }
}
