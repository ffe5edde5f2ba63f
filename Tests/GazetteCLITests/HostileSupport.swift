import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `gazette` binary and builds test corpora on disk.
enum Gazette {
    static var repo: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// $GAZETTE_BIN, else the debug build (`make build-debug`), else the release build.
    static func binary() throws -> URL {
        if let env = ProcessInfo.processInfo.environment["GAZETTE_BIN"] { return URL(fileURLWithPath: env) }
        for c in [".build/debug/gazette", ".build/release/gazette"] {
            let u = repo.appendingPathComponent(c)
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        throw XCTSkip("gazette binary not built (make build-debug)")
    }

    struct Result { var code: Int32; var stdout: String; var stderr: String; var maxRSSKiB: Int? }

    /// Run `gazette args…` in `cwd`; peak RSS measured by /usr/bin/time when present.
    static func run(_ args: [String], cwd: URL, env: [String: String] = [:]) throws -> Result {
        let p = try start(args, cwd: cwd, env: env)
        p.process.waitUntilExit()
        return p.finish()
    }

    final class Running {
        let process: Process
        let out: URL, err: URL, rss: URL?
        init(process: Process, out: URL, err: URL, rss: URL?) { self.process = process; self.out = out; self.err = err; self.rss = rss }
        func finish() -> Result {
            let o = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            let e = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            var kib: Int? = nil
            // /usr/bin/time writes its own lines ("Command exited …") to its file, not to stderr.
            if let rss, let s = try? String(contentsOf: rss, encoding: .utf8) {
                for line in s.split(separator: "\n") where line.hasPrefix("maxrss=") { kib = Int(line.dropFirst(7)) }
            }
            for u in [out, err] + (rss.map { [$0] } ?? []) { try? FileManager.default.removeItem(at: u) }
            return Result(code: process.terminationStatus, stdout: o, stderr: e, maxRSSKiB: kib)
        }
    }

    /// Start without waiting (for signal tests). Without /usr/bin/time in between when
    /// `direct`, so a signal reaches gazette itself.
    static func start(_ args: [String], cwd: URL, env: [String: String] = [:], direct: Bool = false) throws -> Running {
        let bin = try binary()
        let p = Process()
        let tag = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gz-out-\(tag)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("gz-err-\(tag)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        var rss: URL? = nil
        if !direct && FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            rss = FileManager.default.temporaryDirectory.appendingPathComponent("gz-rss-\(tag)")
            p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            p.arguments = ["-f", "maxrss=%M", "-o", rss!.path, bin.path] + args
        } else {
            p.executableURL = bin
            p.arguments = args
        }
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["GAZETTE_OPENCC_DATA"] = environment["GAZETTE_OPENCC_DATA"] ?? repo.appendingPathComponent(".deps/opencc/share/opencc").path
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        return Running(process: p, out: out, err: err, rss: rss)
    }

    static func tempDir(_ name: String) throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    static func manifest(_ output: URL) throws -> [String: (status: String, reason: String)] {
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var out: [String: (String, String)] = [:]
        for i in json["inputs"] as! [[String: Any]] {
            out[i["path"] as! String] = (i["status"] as! String, (i["reason"] as? String) ?? "")
        }
        return out
    }

    /// A stable digest of every file under `dir` (names and bytes) to tell trees apart.
    static func treeDigest(_ dir: URL) -> String {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return "missing" }
        var parts: [String] = []
        for case let rel as String in e {
            let u = dir.appendingPathComponent(rel)
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir)
            if isDir.boolValue { continue }
            let d = (try? Data(contentsOf: u)) ?? Data()
            var h: UInt64 = 1469598103934665603
            for b in d { h = (h ^ UInt64(b)) &* 1099511628211 }
            parts.append("\(rel):\(d.count):\(h)")
        }
        return parts.sorted().joined(separator: "\n")
    }
}

/// Synthetic work plans: distinct documents built from a seed, for corpora of many files.
enum SyntheticPlan {
    static let words = ["政务公开", "信息发布", "政策解读", "回应关切", "平台建设", "公众参与", "决策公开", "执行公开", "管理公开",
                        "服务公开", "结果公开", "财政预算", "重大项目", "公共资源", "社会救助", "教育卫生", "生态环境", "安全生产",
                        "营商环境", "行政许可", "行政处罚", "政府网站", "政务新媒体", "政府公报", "依申请公开", "基层政务", "标准化规范化",
                        "考核评估", "培训指导", "监督检查", "数据开放", "民生实事", "食品安全", "住房保障", "就业创业", "乡村振兴"]
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    struct RNG { var s: UInt64; mutating func next(_ n: Int) -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % UInt64(n)) } }

    static func sentence(_ r: inout RNG) -> String {
        (0..<(4 + r.next(4))).map { _ in words[r.next(words.count)] }.joined(separator: "、") + "等工作要进一步加强，" + words[r.next(words.count)] + "要落到实处。"
    }

    /// A plan with `sections` numbered sections of `clauses` clauses each; `number` is its 文号.
    static func plan(seed: UInt64, sections: Int = 3, clauses: Int = 3, number: String? = nil, numbered: Bool = true) -> String {
        var r = RNG(s: seed &+ 0x9E3779B97F4A7C15)
        var lines = ["某市人民政府办公厅关于印发《某市\(2000 + seed % 30)年政务公开工作要点》的通知"]
        if let number { lines.append(number) }
        lines.append("各区人民政府，市政府各委、办、局：")
        lines.append("现将工作要点印发给你们，请认真贯彻执行。" + sentence(&r))
        for s in 0..<sections {
            if numbered { lines.append("\(s < 10 ? numerals[s] : "十" + numerals[s % 10])、" + words[r.next(words.count)]) }
            for c in 0..<clauses {
                let label = numbered ? "（\(c < 10 ? numerals[c] : String(c + 1))）" : ""
                lines.append(label + sentence(&r) + sentence(&r))
            }
        }
        lines.append("某市人民政府办公厅")
        lines.append("\(2000 + seed % 30)年3月20日")
        return lines.joined(separator: "\n") + "\n"
    }
}
