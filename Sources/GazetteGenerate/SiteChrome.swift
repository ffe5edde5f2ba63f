/// A government or aggregator web page around a document's text, with the chrome such
/// sites have: navigation, breadcrumbs, a metadata table, font-size and print links,
/// share buttons, a footer and scripts — and sometimes a `charset` that is wrong.
struct SiteChrome {
    var host: String
    var siteName: String
    var official: Bool

    func page(title: String, lines: [String], region: String, date: String, charset: String, rng: inout SeededRandom) -> String {
        let e = Self.escape
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(charset)\">\n"
        h += "<title>\(e(title))_\(e(siteName))</title>\n<link rel=\"stylesheet\" href=\"/css/common.css\">\n"
        h += "<script type=\"text/javascript\">var _site = {host: \"\(host)\", column: \"zcwj\"};</script>\n</head>\n<body>\n"
        h += "<div class=\"header\"><div class=\"top-bar\">欢迎访问\(e(siteName))　<a href=\"/wza/\">无障碍</a>　<a href=\"/en/\">English</a></div>\n"
        h += "<div class=\"nav\"><ul>" + ["首页", "要闻动态", "政务公开", "政务服务", "互动交流", "专题专栏"].enumerated().map { "<li><a href=\"/col\($0.offset)/\">\($0.element)</a></li>" }.joined() + "</ul></div></div>\n"
        h += "<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/zcwj/\">政策文件</a></div>\n"
        h += "<div class=\"main\">\n"
        if official || rng.chance(0.3) {
            h += "<table class=\"xxgk-table\">\n"
            h += "<tr><td>索引号：</td><td>\(rng.int(10_000_000...99_999_999))/\(date.prefix(4))-\(rng.int(10_000...99_999))</td><td>主题分类：</td><td>政务公开</td></tr>\n"
            h += "<tr><td>发文机关：</td><td>\(e(region))人民政府办公厅</td><td>成文日期：</td><td>\(date)</td></tr>\n"
            h += "<tr><td>标题：</td><td colspan=\"3\">\(e(title))</td></tr>\n</table>\n"
        }
        h += "<h1 class=\"article-title\">\(e(title))</h1>\n"
        h += "<div class=\"article-info\">发布时间：\(date)　来源：\(official ? e(region) + "人民政府办公厅" : e(siteName))　<span class=\"fontsize\">字号：<a>大</a> <a>中</a> <a>小</a></span>　<a class=\"print\" href=\"javascript:window.print()\">打印</a></div>\n"
        h += "<div class=\"article-content\" id=\"zoom\">\n"
        for l in lines { h += "<p>\(e(l))</p>\n" }
        h += "</div>\n<div class=\"share\">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>\n"
        h += "<div class=\"related\"><h3>相关文件</h3><ul><li><a href=\"/zwgk/a.html\">关于做好政务公开工作的通知</a></li><li><a href=\"/zwgk/b.html\">政府信息公开指南</a></li></ul></div>\n"
        h += "</div>\n<div class=\"footer\"><p>主办：\(official ? e(region) + "人民政府办公厅" : e(siteName))　网站标识码：\(rng.int(1_000_000_000...9_999_999_999))</p>"
        h += "<p>ICP备\(rng.int(10_000_000...99_999_999))号　版权所有</p></div>\n"
        h += "<script type=\"text/javascript\">(function(){var s=document.createElement('script');s.src='/js/stat.js';document.body.appendChild(s);})();</script>\n"
        h += "</body>\n</html>\n"
        return h
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
