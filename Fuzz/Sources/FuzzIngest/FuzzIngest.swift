import Foundation
import GazetteCore

/// One fuzz case: bytes through ingest (decode, gunzip, HTML extraction) and clean, as a
/// .txt, an .html and a .gz file. Any outcome but a crash or a broken invariant is fine:
/// input that cannot be used must be rejected with a `RejectReason`.
func fuzzOne(_ bytes: [UInt8]) {
    var settings = IngestSettings()
    settings.maxInflatedBytes = 4 << 20
    let ingester = Ingester(settings: settings)
    for name in ["f.txt", "f.html", "f.txt.gz"] {
        do {
            let ingested = try ingester.ingest(bytes: bytes, path: name, sha256: "")
            let cleaned = Cleaner().clean(ingested.text)
            let again = Cleaner().clean(cleaned.text)
            if again.text != cleaned.text { fatalError("cleaner not idempotent on \(name)") }
        } catch is RejectReason {
        } catch {
            fatalError("\(name): \(error) is not a RejectReason")
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    fuzzOne(Array(UnsafeRawBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Replay: `fuzz-ingest FILE_OR_FOLDER…` runs each file once.
@main
enum Replay {
    static func main() {
        var count = 0
        for arg in CommandLine.arguments.dropFirst() {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: arg, isDirectory: &isDir)
            let files = isDir.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).sorted().map { arg + "/" + $0 }
                : [arg]
            for f in files {
                guard let d = FileManager.default.contents(atPath: f) else { continue }
                fuzzOne(Array(d)); count += 1
            }
        }
        print("replayed \(count) inputs without a crash")
    }
}
#endif
