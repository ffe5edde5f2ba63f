import XCTest
import GazetteModel
import GazetteOutput
@testable import GazetteResearch

/// The research pages, written through the shared HTML layer, keep the bytes of the string
/// template they were built with before: text escaped with its quotes, line feeds as `<br>`.
final class ResearchPageTests: XCTestCase {
    func testThePageOfADocumentWithoutAnEarlierOneKeepsItsBytes() {
        var d = SampleClauses.document(id: "sh-2020", clauses: [], region: "上海\"市'", year: 2020)
        d.title = "关于<b>\"政务\"</b>公开&'要点'"
        XCTAssertEqual(DiffRenderer.withoutPrevious(d).string, """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Diff sh-2020</title>
        <link rel="stylesheet" href="../assets/style.css">
        <style>
        .rs-diff{border-collapse:collapse;width:100%;table-layout:fixed}
        .rs-diff td,.rs-diff th{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}
        .rs-diff td.meta{width:9em;font-size:.85em;color:#555}
        .rs-diff del{background:#fdd;text-decoration:line-through}
        .rs-diff ins{background:#dfd;text-decoration:none}
        .rs-unchanged{color:#777}.rs-added td.b{background:#efe}.rs-removed td.a{background:#fee}
        .rs-moved td.meta,.rs-merged td.meta,.rs-split td.meta{background:#eef}
        .rs-heat{border-collapse:collapse}.rs-heat td,.rs-heat th{border:1px solid #ccc;padding:.25em .5em;text-align:right}
        .rs-heat th{text-align:left}main.wide{max-width:none;padding:1em 2%}.rs-new{color:#070}.rs-dropped{color:#a00}
        </style>
        </head>
        <body class="research">
        <header class="site"><a href="../index.html" class="brand">政务公开文库</a><nav><a href="../index.html">文件</a><a href="../search.html">搜索</a><a href="../compare.html">比较</a></nav></header>
        <main class="wide">
        <h1>对照 · Diff</h1>
        <p><a href="../doc/sh-2020.html">关于&lt;b&gt;&quot;政务&quot;&lt;/b&gt;公开&amp;&#39;要点&#39;</a></p>
        <p>No earlier document to compare with (上海&quot;市&#39; 2019 work_plan).</p>
        </main>
        </body>
        </html>

        """)
    }

    func testDiffCellsEscapeQuotesAndShowLineBreaks() {
        let a = SampleClauses.make(id: "c 1", body: "做好\"公开\"工作，\n及时发布信息。")
        let b = SampleClauses.make(id: "c 1", body: "做好\"公开\"工作，\n按时发布信息。")
        let docA = SampleClauses.document(id: "A", clauses: [a]), docB = SampleClauses.document(id: "B&'", clauses: [b])
        let html = DiffRenderer(diff: DocumentDiff.make(docA, docB), a: docA, b: docB).html()
        XCTAssertTrue(html.contains("<title>Diff A → B&amp;&#39;</title>"), html)
        XCTAssertTrue(html.contains("<a href=\"../doc/B%26%27.html#c%201\">c 1</a> "), html)
        XCTAssertTrue(html.contains("<td class=\"a\"><a href=\"../doc/A.html#c%201\">c 1</a> 做好&quot;公开&quot;工作，"), html)
        XCTAssertFalse(html.contains("\"公开\""), html)
    }

    func testLineFeedsInACellAreLineBreaks() {
        var w = HTMLWriter(quotesInText: true)
        ResearchPage.lines("一\n\n\"二\"\n", into: &w)
        ResearchPage.lines("三", into: &w)
        XCTAssertEqual(w.string, "一<br><br>&quot;二&quot;<br>三")
    }
}
