// swift-tools-version: 6.1
// Mawjaz: right-to-left Arabic briefing PDFs from report data, through Pango and Cairo.
import PackageDescription

let package = Package(
    name: "Mawjaz",
    products: [
        .library(name: "Mawjaz", targets: ["Mawjaz"]),
        .executable(name: "mawjaz", targets: ["MawjazCLI"]),
        .executable(name: "mawjaz-bench", targets: ["MawjazBenchmark"]),
        .library(name: "MawjazService", targets: ["MawjazService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Excel workbooks (.xlsx) as activity logs: a ZIP of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The HTTP service: hummingbird without its swift-configuration and full-Foundation traits (neither is used).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The HTTP parts hummingbird's pipeline carries, for the service's own channel handlers.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C libraries: cairo, pango, pangocairo, pangoft2, fontconfig, zlib, libdeflate.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "zlib1g-dev", "libdeflate-dev"])]
        ),
        // The words of every language Mawjaz writes in: messages, help, and the words put into documents.
        .target(name: "MawjazLanguage"),
        // Stage 1: load, validate and aggregate report data.
        .target(name: "MawjazData", dependencies: [
            "MawjazFrame", "MawjazLanguage", .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Stage 2: bind data into a document of blocks.
        .target(name: "MawjazDocument", dependencies: ["MawjazData", "MawjazFrame", "MawjazLanguage"]),
        // Plain values every stage shares: geometry, paint, direction, and the positioned frames
        // between layout and render.
        .target(name: "MawjazFrame"),
        // Pango and fontconfig: fonts, shaping, measuring.
        .target(name: "MawjazText", dependencies: ["MawjazFrame", "MawjazLanguage", "CPangoCairo"]),
        // Stage 3: flow blocks into pages of frames.
        .target(name: "MawjazLayout", dependencies: ["MawjazData", "MawjazDocument", "MawjazText", "MawjazFrame", "MawjazLanguage"]),
        // Stage 4: frames to PDF, PNG and SVG through Cairo.
        .target(name: "MawjazRender", dependencies: ["MawjazFrame", "MawjazLanguage", "CPangoCairo"]),
        // The library: the whole pipeline behind one call.
        .target(name: "Mawjaz", dependencies: ["MawjazLanguage", "MawjazData", "MawjazDocument", "MawjazFrame", "MawjazText", "MawjazLayout", "MawjazRender"]),
        // Stage 5: the HTTP service (`mawjaz serve`): handlers that decode a request, ask a renderer pool, encode.
        .target(
            name: "MawjazService",
            dependencies: [
                "Mawjaz", "MawjazDocument", "MawjazRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            // The editor page at `/`, compiled into the binary: nothing to install beside it, nothing to build.
            resources: [.embedInCode("EditorPage/index.html"), .embedInCode("EditorPage/page.js"), .embedInCode("EditorPage/page.css")]
        ),
        // Stage 5: the command line.
        .executableTarget(
            name: "MawjazCLI",
            dependencies: ["Mawjaz", "MawjazDocument", "MawjazLanguage", "MawjazRender", "MawjazText", "MawjazService",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(name: "MawjazBenchmark", dependencies: ["Mawjaz", "MawjazFrame", "MawjazRender"]),
        .target(name: "TestSupport", dependencies: ["Mawjaz", "MawjazData", "MawjazDocument", "MawjazFrame", "MawjazLanguage", "MawjazLayout",
                                                   "MawjazRender", "MawjazText"], path: "Tests/TestSupport"),
        .testTarget(name: "MawjazLanguageTests", dependencies: ["MawjazLanguage", "MawjazData", "Mawjaz", "TestSupport"]),
        .testTarget(name: "MawjazDataTests", dependencies: [
            "MawjazData", "MawjazFrame", "MawjazLanguage", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Yams", package: "Yams"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "MawjazDocumentTests", dependencies: ["MawjazData", "MawjazDocument", "MawjazFrame", "MawjazLanguage", "TestSupport"]),
        .testTarget(name: "MawjazTextTests", dependencies: ["MawjazFrame", "MawjazText", "TestSupport"]),
        .testTarget(name: "MawjazLayoutTests", dependencies: ["Mawjaz", "MawjazDocument", "MawjazFrame", "MawjazLayout", "MawjazRender",
                                                             "TestSupport"]),
        .testTarget(name: "MawjazRenderTests", dependencies: ["Mawjaz", "MawjazFrame", "MawjazRender", "MawjazText", "TestSupport"]),
        .testTarget(name: "MawjazTests", dependencies: ["Mawjaz", "MawjazData", "TestSupport", .product(name: "Yams", package: "Yams")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MawjazServiceTests", dependencies: ["MawjazService", "Mawjaz", "TestSupport",
                                                              .product(name: "Logging", package: "swift-log"),
                                                              .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                              .product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
