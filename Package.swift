// swift-tools-version: 6.1
import PackageDescription

/// Every target builds in Swift 6 language mode with complete concurrency checking.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "BroadsheetCore", swiftSettings: swiftSettings),
        .target(
            name: "BroadsheetYAML",
            dependencies: ["BroadsheetCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetMarkdown",
            dependencies: ["BroadsheetCore", "CCmark"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetFacts",
            dependencies: ["BroadsheetCore", "BroadsheetYAML"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetContent",
            dependencies: ["BroadsheetCore", "BroadsheetYAML", "BroadsheetMarkdown", "BroadsheetFacts"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetTemplates",
            dependencies: ["BroadsheetCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetSite",
            dependencies: ["BroadsheetCore", "BroadsheetFacts", "BroadsheetContent", "BroadsheetTemplates"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BroadsheetBuild",
            dependencies: ["BroadsheetCore", "BroadsheetFacts", "BroadsheetContent", "BroadsheetTemplates", "BroadsheetSite"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "BroadsheetCore", "BroadsheetBuild",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "BroadsheetCoreTests", dependencies: ["BroadsheetCore"], swiftSettings: swiftSettings),
        .testTarget(name: "BroadsheetYAMLTests", dependencies: ["BroadsheetYAML"], swiftSettings: swiftSettings),
        .testTarget(name: "BroadsheetMarkdownTests", dependencies: ["BroadsheetMarkdown"], swiftSettings: swiftSettings),
        .testTarget(name: "BroadsheetFactsTests", dependencies: ["BroadsheetFacts"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BroadsheetContentTests", dependencies: ["BroadsheetContent", "BroadsheetFacts"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "BroadsheetTemplatesTests", dependencies: ["BroadsheetTemplates"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReportContentTests",
            dependencies: ["BroadsheetContent", "BroadsheetFacts", "BroadsheetMarkdown", "BroadsheetCore"],
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
            name: "BroadsheetBuildTests",
            dependencies: ["BroadsheetBuild", "BroadsheetCore"],
            exclude: ["Golden", "Corpus"],
            swiftSettings: swiftSettings
        ),
    ]
)
