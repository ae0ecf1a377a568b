// swift-tools-version:6.0
import PackageDescription

let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let mustache: Target.Dependency = .product(name: "Mustache", package: "swift-mustache")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let flyingFox: Target.Dependency = .product(name: "FlyingFox", package: "FlyingFox")
let flyingSocks: Target.Dependency = .product(name: "FlyingSocks", package: "FlyingFox")

let package = Package(
    name: "Gazette",
    // Synchronization.Mutex and String(validating:as:) need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .executable(name: "gazette-bench", targets: ["GazetteBench"]),
        .library(name: "Gazette", targets: ["Gazette"]),
        .library(name: "GazetteMarkdown", targets: ["GazetteMarkdown"]),
        .library(name: "SVGPlot", targets: ["SVGPlot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `gazette serve` only: a small HTTP server without SwiftNIO (see README, "Dependencies").
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Data-flow order: C library -> Markdown wrapper -> generator -> command line.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Lets cmark-gfm parse on several threads at once (see its source file).
        .target(name: "CmarkPinnedCharacters", dependencies: ["CCmarkGFM"]),
        // Named so as not to clash with apple/swift-markdown's module `Markdown`.
        .target(name: "GazetteMarkdown", dependencies: ["CCmarkGFM", "CmarkPinnedCharacters"]),
        // Raw HTML (unsafe_html: true) is read by libxml2's HTML parser and filtered by an allow-list.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "HTMLSanitizer", dependencies: ["CLibXML2"]),
        // Links and ids of built pages, for `gazette check`.
        .target(name: "HTMLInspection", dependencies: ["CLibXML2"]),
        // Snowball's French stemmer, for the search index (Debian libstemmer-dev).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "FrenchStemming", dependencies: ["CStemmer"]),
        // libvips (Debian libvips-dev) makes the images' sizes and formats; CVips wraps its
        // variadic calls in plain C ones, so that no Swift file sees glib's or libvips' headers.
        // Not a pkg-config system library: `pkg-config --cflags vips` adds the folder of the
        // system's ICU headers, which then clash with Foundation's own ICU in every dependent
        // Swift file. glib's headers are all that libvips' need; glibconfig.h sits in the
        // architecture's folder.
        .target(name: "CVips", cSettings: [.unsafeFlags(["-I/usr/include/glib-2.0", "-I/usr/lib/x86_64-linux-gnu/glib-2.0/include",
                                                         "-I/usr/lib/aarch64-linux-gnu/glib-2.0/include"])],
                linkerSettings: [.linkedLibrary("vips"), .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0")]),
        // The Swift face of CVips, in a target without Foundation: a module that sees both a C
        // library's module and Foundation fails a clean build on ICU's `UErrorCode`.
        .target(name: "VipsImaging", dependencies: ["CVips"]),
        // The words Gazette and its charts show, in English and French: one table per language.
        .target(name: "Wording"),
        // The plotting module depends on nothing but the standard library, Foundation and Wording.
        .target(name: "SVGPlot", dependencies: ["Wording"]),
        // Sample charts of every kind and the gallery page (`gazette gallery`, snapshot tests):
        // demo code, kept out of the SVGPlot library.
        .target(name: "SVGPlotGallery", dependencies: ["SVGPlot"]),
        .target(name: "Gazette", dependencies: ["GazetteMarkdown", "HTMLSanitizer", "HTMLInspection", "FrenchStemming", "VipsImaging", "SVGPlot", "Wording", yams, mustache]),
        // `gazette serve`: preview server, folder watcher and live reload.
        .target(name: "Preview", dependencies: ["Gazette", "Wording", flyingSocks]),
        .executableTarget(name: "GazetteCLI", dependencies: ["Gazette", "Preview", "SVGPlot", "Wording", "SVGPlotGallery", argumentParser, yams]),
        // Benchmark driver of `make bench` (charts); not part of the site generator.
        .executableTarget(name: "GazetteBench", dependencies: ["SVGPlot"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GazetteMarkdownTests", dependencies: ["GazetteMarkdown"]),
        .testTarget(name: "HTMLSanitizerTests", dependencies: ["HTMLSanitizer", "TestSupport"]),
        .testTarget(name: "WordingTests", dependencies: ["Wording"]),
        .testTarget(name: "SVGPlotTests", dependencies: ["SVGPlot", "Wording", "SVGPlotGallery", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "GazetteTests", dependencies: ["Gazette", "Wording", "FrenchStemming", "VipsImaging", "SVGPlot", "TestSupport"], exclude: ["Media/Fixtures"]),
        // FlyingFox's server plays the other sites that `gazette check --external` asks.
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Gazette", flyingFox]),
    ]
)
