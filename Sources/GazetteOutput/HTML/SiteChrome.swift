/// The site's top bar and footer. Every page of the site has both; the research pages,
/// which live inside the site, have its top bar too.
public enum SiteChrome {
    /// The top bar, its links relative to the site's root (`""`, `"../"`).
    public static func header(root: String) -> HTMLNode {
        H.el("header", [("class", "site")], [
            H.a(root + "index.html", "政务公开文库", [("class", "brand")]),
            H.el("nav", [], [H.a(root + "index.html", "文件"), H.a(root + "search.html", "搜索"), H.a(root + "compare.html", "比较")]),
        ])
    }

    public static func footer() -> HTMLNode {
        H.el("footer", [("class", "site")], [H.t("由 gazette 生成 · 文本经清理并转换为简体 · 条款编号可作永久链接引用")])
    }
}
