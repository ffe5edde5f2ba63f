import Foundation

/// One file found under the corpus folder.
public struct CorpusFile: Sendable, Equatable {
    /// Path as recorded in the manifest: the corpus folder's name joined with the relative path.
    public var path: String
    public var url: URL
    public var size: Int
    public var mtimeNanos: Int
    /// Set when the entry cannot be processed at all (a link loop, a directory link…).
    public var problem: RejectReason?
}

/// Lists every entry under the corpus folder in a stable order, without following
/// directory links (so link loops cannot trap the walk); every entry is accounted for.
public enum CorpusScanner {
    public static func scan(_ root: URL, displayRoot: String) -> [CorpusFile] {
        var out: [CorpusFile] = []
        walk(root, rel: "", displayRoot: displayRoot, into: &out, depth: 0)
        return out.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    static func walk(_ dir: URL, rel: String, displayRoot: String, into out: inout [CorpusFile], depth: Int) {
        guard depth < 64, let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names.sorted() {
            if name.hasPrefix(".") { continue }   // hidden files and editor droppings
            let url = dir.appendingPathComponent(name)
            let relPath = rel.isEmpty ? name : rel + "/" + name
            let shown = displayRoot.isEmpty ? relPath : displayRoot + "/" + relPath
            var st = stat()
            guard lstat(url.path, &st) == 0 else {
                out.append(CorpusFile(path: shown, url: url, size: 0, mtimeNanos: 0, problem: RejectReason("unreadable", "cannot stat")))
                continue
            }
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                // A folder that cannot be listed is accounted for, not silently skipped.
                if depth + 1 >= 64 || (try? FileManager.default.contentsOfDirectory(atPath: url.path)) == nil {
                    out.append(CorpusFile(path: shown, url: url, size: 0, mtimeNanos: 0,
                                          problem: RejectReason(depth + 1 >= 64 ? "too-deep" : "unreadable", depth + 1 >= 64 ? "folder nested 64 levels deep is not scanned" : "folder cannot be listed")))
                    continue
                }
                walk(url, rel: relPath, displayRoot: displayRoot, into: &out, depth: depth + 1)
                continue
            }
            var problem: RejectReason? = nil
            if kind == S_IFLNK {
                var target = stat()
                if stat(url.path, &target) != 0 {
                    problem = errno == ELOOP ? RejectReason("symlink-loop", "symbolic link loop")
                                             : RejectReason("broken-symlink", "symbolic link to a missing file")
                } else if (target.st_mode & S_IFMT) == S_IFDIR {
                    problem = RejectReason("symlink-directory", "link to a directory is not followed")
                } else { st = target }
            } else if kind != S_IFREG {
                problem = RejectReason("not-a-file", "not a regular file")
            }
            let mtime = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
            out.append(CorpusFile(path: shown, url: url, size: Int(st.st_size), mtimeNanos: mtime, problem: problem))
        }
    }

    /// Document id from a path: URL-safe ASCII, stable across runs. The file stem when it is
    /// already safe, otherwise a slug plus a short hash of the path.
    public static func documentID(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        var stem = name
        for ext in [".gz", ".html", ".htm", ".txt", ".md", ".markdown", ".docx", ".pdf", ".ofd", ".doc", ".wps"] where stem.lowercased().hasSuffix(ext) { stem = String(stem.dropLast(ext.count)) }
        let safe = stem.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
        if safe && !stem.isEmpty && !stem.hasPrefix("-") && stem.count <= 80 { return stem }
        let slug = String(stem.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.prefix(24).map(Character.init))
        let h = String(SHA256Digest.hex(path).prefix(12))
        return slug.isEmpty ? "doc-" + h : slug + "-" + h
    }
}
