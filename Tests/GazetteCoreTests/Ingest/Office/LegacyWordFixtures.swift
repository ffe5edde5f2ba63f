import Foundation
import XCTest
@testable import GazetteCore
import GazetteTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The committed Word 97 fixtures (Tests/Fixtures/office/doc, made by
/// scripts/make_doc_fixtures.py), fake converters, and hostile files built from the fixtures.
enum LegacyWordFixtures {
    static let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/office/doc")

    /// The documents made from samples and devset files, with their gold beside them.
    static func documents() throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".doc") }.sorted()
        return names.map { folder.appendingPathComponent($0) }
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Skips the test when antiword is not installed (scripts/deps.sh installs it).
    static func requireAntiword() throws {
        if LimitedProcess.locate("antiword") == nil { throw XCTSkip("antiword not installed (scripts/deps.sh)") }
    }

    /// An executable shell script in `folder` standing in for antiword.
    static func fakeConverter(_ body: String, in folder: URL, name: String = "fake-antiword") throws -> String {
        let url = folder.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0o755)
        return url.path
    }

    /// DocBook as antiword writes it, one para a line of `lines`.
    static func docBook(_ lines: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<book><chapter>"
            + lines.map { "<para>\n\($0)\n</para>" }.joined() + "</chapter></book>"
    }

    static func u32(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24 }

    /// `bytes` with the 32-bit field at `at` set to `value`.
    static func setting(_ bytes: [UInt8], _ at: Int, to value: UInt32) -> [UInt8] {
        var b = bytes
        for k in 0..<4 { b[at + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
        return b
    }

    /// `bytes` with every UTF-16LE `name` (a directory entry's name) replaced by `other` of the same length.
    static func renamingStream(_ bytes: [UInt8], _ name: String, to other: String) -> [UInt8] {
        let from = Array(name.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let to = Array(other.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        precondition(from.count == to.count)
        var b = bytes
        var i = 0
        while i + from.count <= b.count {
            if b[i] == from[0] && Array(b[i..<(i + from.count)]) == from { b.replaceSubrange(i..<(i + from.count), with: to) }
            i += 1
        }
        return b
    }

    /// `bytes` with the Word FIB's fEncrypted flag set: the FIB opens the WordDocument stream
    /// (magic 0xA5EC at a sector boundary), its flags word at offset 0x0A.
    static func encrypted(_ bytes: [UInt8]) -> [UInt8]? {
        var b = bytes
        var at = 512
        while at + 12 <= b.count {
            if b[at] == 0xEC && b[at + 1] == 0xA5 { b[at + 0x0B] |= 0x01; return b }
            at += 512
        }
        return nil
    }

    /// Whether `pid` is gone: no process and no zombie answers to it.
    static func isGone(_ pid: Int32) -> Bool { kill(pid, 0) != 0 && errno == ESRCH }

    /// Whether `pid` still runs (not gone, not a zombie waiting for whoever adopted it), waiting up to 2 s for it to stop.
    static func stillRuns(_ pid: Int32) -> Bool {
        for _ in 0..<200 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let state = stat[stat.index(close, offsetBy: 2)]
            if state == "Z" || state == "X" { return false }
            usleep(10_000)
        }
        return true
    }
}
