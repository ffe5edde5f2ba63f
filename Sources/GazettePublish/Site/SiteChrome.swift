/// Header and footer shared by every page.
enum SiteChrome {
    static func header(root: String) -> HTMLNode {
        H.el("header", [("class", "site")], [
            H.a(root + "index.html", "政务公开文库", [("class", "brand")]),
            H.el("nav", [], [H.a(root + "index.html", "文件"), H.a(root + "search.html", "搜索"), H.a(root + "compare.html", "比较")]),
        ])
    }
    static func footer() -> HTMLNode {
        H.el("footer", [("class", "site")], [H.t("由 gazette 生成 · 文本经清理并转换为简体 · 条款编号可作永久链接引用")])
    }
}
