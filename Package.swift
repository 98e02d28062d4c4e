// swift-tools-version: 6.1
import PackageDescription

/// Every target builds in Swift 6 language mode with complete concurrency checking.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    // Release builds let the optimiser see generic code across modules, so that, for example,
    // the Markdown converter (generic over the site's component type, defined in another
    // module) is specialised instead of instantiating type metadata at run time, which was a
    // tenth of the resolve stage (docs/performance.md).
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

// Platforms: Linux only (built and tested on Debian 12 with Swift 6.3.1). The preview's file
// watcher (inotify), its port check and the output writer's atomic swap (renameat2) are Linux
// code, and no macOS build is tested, so no Apple platform is declared; a macOS port would need
// a kqueue/FSEvents watcher and Darwin imports first.
let package = Package(
    name: "Broadsheet",
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The preview server only; swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // The sendmail transport: a process with its arguments as a list and its output drained as it runs.
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        // FilePath for swift-subprocess on Linux (its own dependency, named here because the transport uses it).
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
        // Subscriber lists: RFC 4180 CSV with quoted commas, quotes and line breaks.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        // The EPUB edition: a ZIP with the mimetype first and stored.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // glibc's malloc.h (mallopt): the command sets how the allocator grows the heap (MemoryTuning).
        .systemLibrary(name: "CMalloc"),
        // libdeflate compresses the search index's entry packs (zlib format, faster than zlib).
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        // zlib itself, for the tests: they read the packs back with zlib's own `uncompress`.
        // Not `CZLib`: ZIPFoundation has a module of that name.
        .systemLibrary(
            name: "CZlibDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "BroadsheetCore", swiftSettings: swiftSettings),
        // The built-in theme: Templates/ embedded as Swift source at build time, so the binary
        // carries it wherever it is copied (a resource bundle would have to travel beside it).
        .executableTarget(name: "ThemeEmbedder", swiftSettings: swiftSettings),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(name: "BroadsheetTheme", swiftSettings: swiftSettings, plugins: ["EmbedTheme"]),
        .target(name: "BroadsheetOutput", dependencies: ["BroadsheetCore"], swiftSettings: swiftSettings),
        .target(
            name: "BroadsheetYAML",
            dependencies: ["BroadsheetCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(name: "BroadsheetDocument", dependencies: ["BroadsheetCore"], swiftSettings: swiftSettings),
        .target(
            name: "BroadsheetMarkdown",
            dependencies: ["BroadsheetCore", "BroadsheetDocument", "CCmark"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetFacts",
            dependencies: ["BroadsheetCore", "BroadsheetYAML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetLoading",
            dependencies: ["BroadsheetCore", "BroadsheetYAML", "BroadsheetFacts"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetContent",
            dependencies: [
                "BroadsheetCore", "BroadsheetYAML", "BroadsheetDocument", "BroadsheetMarkdown", "BroadsheetFacts",
                "BroadsheetLoading",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetCharts",
            dependencies: ["BroadsheetCore", "BroadsheetFacts", "BroadsheetContent"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetTemplates",
            dependencies: ["BroadsheetCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetData", dependencies: ["BroadsheetCore", "BroadsheetFacts", "BroadsheetContent"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetSite",
            dependencies: [
                "BroadsheetCore", "BroadsheetDocument", "BroadsheetFacts", "BroadsheetContent", "BroadsheetTemplates",
                "BroadsheetCharts", "BroadsheetData",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetSearch",
            dependencies: ["BroadsheetCore", "BroadsheetDocument", "BroadsheetFacts", "BroadsheetContent", "CLibDeflate"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetMail",
            dependencies: [
                "BroadsheetCore", "COpenSSL",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetNewsletter",
            dependencies: [
                "BroadsheetCore", "BroadsheetDocument", "BroadsheetFacts", "BroadsheetContent", "BroadsheetTemplates",
                "BroadsheetMail", "BroadsheetCharts", .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetPrint",
            dependencies: [
                "BroadsheetCore", "BroadsheetDocument", "BroadsheetFacts", "BroadsheetContent", "BroadsheetCharts",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetBuild",
            dependencies: [
                "BroadsheetCore", "BroadsheetDocument", "BroadsheetFacts", "BroadsheetContent", "BroadsheetTemplates",
                "BroadsheetSite", "BroadsheetNewsletter", "BroadsheetOutput", "BroadsheetPrint", "BroadsheetSearch",
                "BroadsheetTheme",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetServer",
            dependencies: [
                "BroadsheetCore", "BroadsheetBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "BroadsheetCore", "BroadsheetBuild", "BroadsheetContent", "BroadsheetServer", "BroadsheetNewsletter",
                "BroadsheetMail", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetCoreTests", dependencies: ["BroadsheetCore", "BroadsheetOutput"], swiftSettings: swiftSettings),
        .testTarget(name: "BroadsheetYAMLTests", dependencies: ["BroadsheetYAML"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BroadsheetMarkdownTests", dependencies: ["BroadsheetMarkdown", "BroadsheetDocument", "BroadsheetCore"],
            exclude: ["GFM"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "BroadsheetFactsTests", dependencies: ["BroadsheetFacts"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BroadsheetContentTests", dependencies: ["BroadsheetContent", "BroadsheetFacts", "BroadsheetDocument"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetChartsTests",
            dependencies: ["BroadsheetCharts", "BroadsheetContent", "BroadsheetFacts", "BroadsheetCore"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "BroadsheetTemplatesTests", dependencies: ["BroadsheetTemplates"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReportContentTests",
            dependencies: ["BroadsheetContent", "BroadsheetFacts", "BroadsheetMarkdown", "BroadsheetCore", "BroadsheetDocument"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetServerTests", dependencies: ["BroadsheetServer", "BroadsheetBuild", "BroadsheetCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetMailTests", dependencies: ["BroadsheetMail", "BroadsheetCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BroadsheetNewsletterTests",
            dependencies: [
                "BroadsheetNewsletter", "BroadsheetContent", "BroadsheetCore", "BroadsheetDocument", "BroadsheetMarkdown",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetFuzzTests",
            dependencies: [
                "BroadsheetCore", "BroadsheetYAML", "BroadsheetContent", "BroadsheetFacts",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetSearchTests",
            dependencies: [
                "BroadsheetSearch", "BroadsheetContent", "BroadsheetDocument", "BroadsheetFacts", "BroadsheetCore", "CZlibDeflate",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BroadsheetBuildTests",
            dependencies: [
                "BroadsheetBuild", "BroadsheetCore", "BroadsheetNewsletter", "BroadsheetMail", "BroadsheetPrint",
                "BroadsheetCharts", "BroadsheetFacts", "BroadsheetTheme", "BroadsheetSearch",
            ],
            exclude: ["Golden", "Corpus"],
            swiftSettings: swiftSettings
        ),
    ]
)
