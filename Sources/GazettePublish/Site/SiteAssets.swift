/// The static files of the site: one stylesheet (screen, phone and print) and the search script.
enum SiteAssets {
    static let css = """
    :root { --ink: #1d232b; --muted: #5f6b78; --line: #dde3ea; --paper: #fbfaf7; --accent: #9b1c1c; --chip: #eef2f6; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--paper); color: var(--ink);
      font: 17px/1.75 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", serif; }
    a { color: #1f4e8c; text-decoration: none; }
    a:hover, a:focus { text-decoration: underline; }
    header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; padding: .7rem 1.2rem;
      background: var(--accent); color: #fff; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    header.site a { color: #fff; }
    header.site .brand { font-weight: 700; font-size: 1.15rem; letter-spacing: .08em; }
    header.site nav a { margin-right: 1rem; }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
    footer.site { max-width: 52rem; margin: 0 auto; padding: 1rem 1.2rem 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
    h1 { font-size: 1.6rem; line-height: 1.4; margin: .6rem 0 .4rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
    h3 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
    h4 { font-size: 1rem; margin: .8rem 0 .2rem; color: var(--muted); }
    .crumbs, .muted, .count { color: var(--muted); font-size: .9rem; }
    .lead { color: var(--muted); }
    .plan-title { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .92rem;
      background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; }
    dl.meta dt { color: var(--muted); }
    dl.meta dd { margin: 0; overflow-wrap: anywhere; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
    .hash { color: var(--muted); }
    .doc-links { font-size: .95rem; }
    .preamble, .closing { margin: 1.2rem 0; }
    .clauses { margin-top: 1.5rem; }
    .clause { position: relative; margin: .4rem 0; padding: .3rem 0 .3rem .9rem; border-left: 3px solid var(--line); }
    .clause:target { background: #fff7d6; border-left-color: var(--accent); }
    .clause .clause { margin-left: .2rem; }
    .clause.level-1 { border-left-color: var(--accent); margin-top: 1.4rem; }
    .clause.level-1 > .clause-head { font-size: 1.15rem; }
    .clause-head { font-weight: 700; }
    .clause-head .label { margin-right: .25rem; }
    .pilcrow { float: right; color: #a0aab4; font-weight: 400; padding: 0 .3rem; }
    .pilcrow:hover { color: var(--accent); }
    .clause-text p { margin: .2rem 0; }
    .chips { display: flex; flex-wrap: wrap; gap: .3rem; margin: .3rem 0; padding: 0; list-style: none; }
    .chip { display: inline-block; font: .78rem/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; background: var(--chip);
      border-radius: 999px; padding: .05rem .6rem; color: #2b3a4a; }
    .chip.area { background: #fde8e8; color: #7a1616; }
    .chip.topic { background: #e6f0fb; }
    .chip.unit { background: #eaf6ec; color: #1d5b2b; }
    .facts, .similar { font-size: .85rem; color: var(--muted); margin: .2rem 0; }
    .fact { margin-right: .8rem; }
    .sim { margin-right: .8rem; }
    details { margin: .3rem 0; font-size: .9rem; }
    details summary { cursor: pointer; color: var(--muted); }
    details.original p { color: #39424c; }
    .duplicates ul, .removed ul { font-size: .9rem; }
    .appendix { margin-top: 2rem; }
    dl.qa dt { font-weight: 700; margin-top: .6rem; }
    dl.qa dd { margin-left: 1rem; }
    ul.docs { list-style: none; padding: 0; }
    ul.docs li { margin: .35rem 0; }
    ul.docs li .muted { display: block; font-size: .85rem; }
    dl.compact dt { font-weight: 700; margin-top: .5rem; }
    dl.compact dd { margin: 0 0 0 1rem; font-size: .92rem; }
    ul.clause-links { columns: 2 18rem; font-size: .92rem; }
    ul.regions { list-style: none; padding: 0; }
    ul.regions li { margin: .4rem 0; }
    ul.regions a.region { font-weight: 600; }
    ul.regions a.year { font-size: .9rem; margin-right: .3rem; }
    nav.pager { margin: 1rem 0; line-height: 1.9; }
    nav.pager a, nav.pager strong { display: inline-block; min-width: 1.6rem; text-align: center; }
    .quick-search { display: flex; gap: .4rem; margin: 1rem 0; }
    .quick-search input { flex: 1; font-size: 1rem; padding: .45rem .6rem; border: 1px solid #b9c3ce; border-radius: 6px; min-width: 0; }
    .quick-search button { font-size: 1rem; padding: .45rem 1rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; }
    ol.results li { margin: .6rem 0; }
    ol.results .muted { display: block; font-size: .85rem; }
    ol.results .snippet { display: block; font-size: .9rem; color: #39424c; }
    mark { background: #fff1a8; }
    @media (max-width: 600px) {
      body { font-size: 16px; }
      main { padding: .6rem .8rem 2rem; }
      h1 { font-size: 1.3rem; }
      dl.meta { gap: .1rem .7rem; padding: .5rem .7rem; }
      .clause { padding-left: .6rem; }
      ul.clause-links { columns: 1; }
    }
    @media print {
      body { background: #fff; font-size: 11pt; }
      header.site, footer.site, .quick-search, .pilcrow, .doc-links, details.removed, nav.pager { display: none; }
      main { max-width: none; padding: 0; }
      a { color: inherit; }
      .clause { border-left: 0; padding-left: 0; break-inside: avoid-page; }
      .chip { border: 1px solid #999; background: none; }
      details.original { display: none; }
    }

    """

    /// Substring search over the index chunks in `search/` (`SearchIndexWriter`): the chunks
    /// are loaded one after another as script elements (so it works from file://), each
    /// scanned as it arrives, until all are read or more than `limit` clauses are found;
    /// the first chunks read stay in memory for the next query. Results are built with
    /// textContent only, so indexed text is never parsed as markup.
    static let searchJS = """
    (function () {
      "use strict";
      var form = document.getElementById("search-form");
      var input = document.getElementById("q");
      var list = document.getElementById("results");
      var status = document.getElementById("status");
      var meta = window.GAZETTE_SEARCH || { chunks: 0, documents: 0, clauses: 0 };
      var limit = 300, keep = 48, kept = 0, cache = {}, job = null;
      function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
      function snippet(text, q) {
        var i = text.toLowerCase().indexOf(q.toLowerCase()), span = el("span", "snippet");
        if (i < 0) { span.textContent = text.slice(0, 80); return span; }
        var from = Math.max(0, i - 30);
        span.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, i)));
        span.appendChild(el("mark", null, text.slice(i, i + q.length)));
        span.appendChild(document.createTextNode(text.slice(i + q.length, i + q.length + 50) + "…"));
        return span;
      }
      function chunkURL(n) { var s = String(n); while (s.length < 4) s = "0" + s; return "search/" + s + ".js"; }
      function scan(j, docs) {
        for (var d = 0; d < docs.length && j.n <= limit; d++) {
          var doc = docs[d];
          for (var c = 0; c < doc[4].length; c++) {
            var cl = doc[4][c], hay = cl[2] + "\\n" + cl[3];
            if (hay.toLowerCase().indexOf(j.ql) < 0) continue;
            j.n++;
            if (j.n > limit) break;
            var li = el("li"), a = el("a", null, (cl[1] || "") + (cl[2] || cl[3].slice(0, 30)));
            a.href = "doc/" + encodeURIComponent(doc[0]) + ".html#" + encodeURIComponent(cl[0]);
            li.appendChild(a);
            li.appendChild(el("span", "muted", " " + doc[1] + (doc[2] ? " · " + doc[2] : "") + (doc[3] ? " " + doc[3] : "")));
            li.appendChild(snippet(cl[3], j.q));
            list.appendChild(li);
          }
        }
        j.next++;
      }
      function finish(j) {
        var q = j.q;
        if (j.failed) status.textContent = "索引文件 " + chunkURL(j.next) + " 无法读取；已显示前面找到的 " + Math.min(j.n, limit) + " 条条款。";
        else if (j.n > limit) status.textContent = "找到超过 " + limit + " 条条款，显示前 " + limit + " 条；请用更长的词语缩小范围。";
        else status.textContent = j.n === 0 ? "没有找到包含“" + q + "”的条款。" : "找到 " + j.n + " 条条款。";
        job = null;
      }
      // Scans what is in memory, then asks for the next chunk; its script calls back below.
      function step(j) {
        if (j !== job) return;
        while (j.next <= meta.chunks && j.n <= limit) {
          if (!cache[j.next]) {
            status.textContent = "正在检索…（" + (j.next - 1) + " / " + meta.chunks + "）";
            var s = document.createElement("script"), n = j.next;
            s.src = chunkURL(n);
            // A chunk that loads without calling back (or fails to load) ends the search.
            s.onload = s.onerror = function () {
              if (s.parentNode) s.parentNode.removeChild(s);
              if (job === j && j.next === n) { j.failed = true; finish(j); }
            };
            document.body.appendChild(s);
            return;
          }
          scan(j, cache[j.next]);
        }
        finish(j);
      }
      window.GAZETTE_SEARCH_CHUNK = function (n, docs) {
        if (!cache[n] && kept < keep) { cache[n] = docs; kept++; }
        if (job && job.next === n) { scan(job, docs); step(job); }
      };
      function run(q) {
        while (list.firstChild) list.removeChild(list.firstChild);
        q = q.trim();
        if (!q) { job = null; status.textContent = "输入词语后按回车。"; return; }
        job = { q: q, ql: q.toLowerCase(), n: 0, next: 1, failed: false };
        step(job);
      }
      form.addEventListener("submit", function (e) { e.preventDefault(); run(input.value); try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (x) {} });
      var m = /[?&]q=([^&#]*)/.exec(location.search);
      if (m) { input.value = decodeURIComponent(m[1].replace(/\\+/g, " ")); run(input.value); }
    })();

    """
}
