import ArgumentParser
import Foundation
import GazetteCore
#if canImport(Glibc)
import Glibc
#endif

/// `gazette normalize`: decode and convert to simplified mainland text, to stdout.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Decode files (any supported encoding) and convert them to simplified mainland Chinese, to standard output.",
        discussion: """
        No cleaning. Reads standard input when no file is given. A drop-in for `opencc` on whole
        documents: each file's script (simplified/traditional/mixed), character standard and regional
        idiom (mainland/Taiwan/Hong Kong) are detected, and the text is converted with the matching
        OpenCC configuration plus a curated regional-phrase step. Simplified mainland text passes
        through unchanged. Large files are streamed. --verbose prints each file's decision to stderr.
        """)

    @Argument(help: "Files to convert (UTF-8, UTF-16, GB18030, Big5; gzip-compressed or not).") var files: [String] = []
    @Flag(name: .long, help: "Print the detected script, variant and conversion of each input to standard error.")
    var verbose = false

    func run() throws {
        guard let data = OpenCCConverter.locateDataDirectory() else {
            FileHandle.standardError.write(Data("gazette: OpenCC dictionaries not found; run `make` or set GAZETTE_OPENCC_DATA\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
        let stream = StreamNormalizer(normalizer: Normalizer(pool: OpenCCPool(dataDirectory: data)))
        var failed = false
        for name in files.isEmpty ? ["-"] : files {
            let fd = name == "-" ? STDIN_FILENO : open(name, O_RDONLY)
            if fd < 0 {
                FileHandle.standardError.write(Data("gazette: cannot read \(name): \(String(cString: strerror(errno)))\n".utf8))
                failed = true
                continue
            }
            defer { if fd != STDIN_FILENO { close(fd) } }
            do {
                let plan = try stream.run(
                    read: { buf in
                        let n = Glibc.read(fd, buf.baseAddress, buf.count)
                        if n < 0 { throw RejectReason("read-failed", String(cString: strerror(errno))) }
                        return n
                    },
                    write: { out in
                        guard let base = out.baseAddress, out.count > 0 else { return }
                        if fwrite(base, 1, out.count, stdout) != out.count { throw ExitCode(ExitStatus.internalFailure) }
                    })
                if verbose, let p = plan {
                    FileHandle.standardError.write(Data("\(name): script=\(p.script) variant=\(p.variant) conversion=\(p.conversion) taiwan-evidence=\(p.taiwanEvidence) hongkong-evidence=\(p.hongKongEvidence)\n".utf8))
                }
            } catch let e as ExitCode {
                throw e
            } catch {
                FileHandle.standardError.write(Data("gazette: \(name): \(error)\n".utf8))
                failed = true
            }
        }
        fflush(stdout)
        if failed { throw ExitCode(ExitStatus.rejected) }
    }
}
