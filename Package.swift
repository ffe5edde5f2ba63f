// swift-tools-version:6.0
import PackageDescription

// gazette: a thin executable over a core library.
// C libraries (OpenCC 1.4.2, libxml2, zlib, SQLite, OpenSSL's libcrypto for SHA-256, poppler-glib for PDF)
// are found through pkg-config; `make` installs them and points PKG_CONFIG_PATH at
// the OpenCC build it unpacks into .deps/.
let package = Package(
    name: "gazette",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "GazetteCore", targets: ["GazetteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CGazetteZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // PDF text with the box, size and colour of each character (poppler's GLib API).
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // Two system calls Foundation does not expose (atomic directory exchange).
        .target(name: "CGazetteSys"),
        // The MinHash loop in AVX-512 lanes, used when the CPU has them.
        .target(name: "CGazetteSIMD"),

        // Leaf model: documents, clauses, units, diagnostics. No dependencies.
        .target(name: "GazetteModel"),
        // What every sink shares: the OutputSink protocol and the order sinks declare, the
        // corpus summary they finish with, whole-file writes and the one HTML layer. Below
        // the core, which drives the sinks and writes files of its own (manifest, generator).
        .target(name: "GazetteOutput", dependencies: ["GazetteModel"]),
        // The stages, one folder each, and the pipeline that orders them.
        .target(name: "GazetteCore", dependencies: [
            "GazetteModel", "GazetteOutput", "COpenCC", "CLibXML2", "CGazetteZlib", "CCrypto", "CGazetteSys", "CGazetteSIMD", "CPoppler",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Sinks, one per output format.
        .target(name: "GazettePublish", dependencies: ["GazetteModel", "GazetteOutput", "GazetteCore", "CSQLite", "CGazetteZlib"]),
        // Researchers' tools: clause alignment (diff) and coverage tables (compare).
        .target(name: "GazetteResearch", dependencies: ["GazetteModel", "GazetteOutput", "GazetteCore"]),
        // `gazette generate`: labelled test corpora made from the samples.
        .target(name: "GazetteGenerate", dependencies: ["GazetteModel", "GazetteOutput", "GazetteCore"]),
        .target(name: "GazetteCLI", dependencies: [
            "GazetteModel", "GazetteOutput", "GazetteCore", "GazettePublish", "GazetteResearch", "GazetteGenerate",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "gazette", dependencies: ["GazetteCLI"]),

        // What every test target shares: the binary launcher, the seeded generator, golden files, fixture paths.
        .target(name: "GazetteTestSupport"),
        .testTarget(name: "GazetteOutputTests", dependencies: ["GazetteOutput", "GazetteModel", "GazetteTestSupport"]),
        .testTarget(name: "GazetteCoreTests", dependencies: ["GazetteCore", "GazetteOutput", "GazetteModel", "GazetteGenerate", "GazetteTestSupport",
                                                             "CGazetteZlib"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "GazetteGenerateTests", dependencies: ["GazetteGenerate", "GazetteCore", "GazetteTestSupport"]),
        .testTarget(name: "GazettePublishTests", dependencies: ["GazettePublish", "GazetteResearch", "GazetteOutput", "GazetteCore", "GazetteModel",
                                                                "CSQLite", "GazetteTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GazetteResearchTests", dependencies: ["GazetteResearch", "GazetteOutput", "GazetteCore", "GazetteModel", "GazetteTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GazetteCLITests", dependencies: ["GazetteCLI", "GazetteCore", "GazetteModel", "GazetteTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
