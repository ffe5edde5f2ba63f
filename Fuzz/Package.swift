// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for gazette, kept out of the main package so that ordinary builds
// never need the fuzzer runtime. Built by `make fuzz` with `-sanitize=fuzzer` into
// ../.build-fuzz; without `-DFUZZING` the same file builds a replay tool that runs
// every corpus file once (how crashes become regression runs).
let package = Package(
    name: "gazette-fuzz",
    dependencies: [.package(name: "gazette", path: "..")],
    targets: [
        .executableTarget(
            name: "fuzz-ingest",
            dependencies: [.product(name: "GazetteCore", package: "gazette")],
            path: "Sources/FuzzIngest",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v5]
)
