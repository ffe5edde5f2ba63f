import ArgumentParser
import Foundation
import GazetteCore

/// `gazette normalize`: decode and convert to simplified mainland text, to stdout.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Decode files (any supported encoding) and convert them to simplified mainland Chinese, to standard output.",
        discussion: "No cleaning. Reads standard input when no file is given. A drop-in for `opencc` on whole documents.")

    @Argument(help: "Files to convert.") var files: [String] = []

    func run() throws {
        guard let data = OpenCCConverter.locateDataDirectory() else {
            FileHandle.standardError.write(Data("gazette: OpenCC dictionaries not found; run `make` or set GAZETTE_OPENCC_DATA\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
        let normalizer = Normalizer(pool: OpenCCPool(dataDirectory: data))
        let inputs: [(String, [UInt8])]
        if files.isEmpty {
            inputs = [("-", Array(FileHandle.standardInput.readDataToEndOfFile()))]
        } else {
            var list: [(String, [UInt8])] = []
            for f in files {
                guard let d = FileManager.default.contents(atPath: f) else {
                    FileHandle.standardError.write(Data("gazette: cannot read \(f)\n".utf8))
                    throw ExitCode(ExitStatus.rejected)
                }
                list.append((f, Array(d)))
            }
            inputs = list
        }
        var failed = false
        for (name, bytes) in inputs {
            do {
                var raw = bytes
                if Gzip.isGzip(raw) { raw = try Gzip.inflate(raw, cap: 256 << 20) }
                let decoded = try TextDecoder.decode(raw)
                let out = try normalizer.normalize(decoded.text)
                FileHandle.standardOutput.write(Data(out.text.utf8))
            } catch {
                FileHandle.standardError.write(Data("gazette: \(name): \(error)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.rejected) }
    }
}
