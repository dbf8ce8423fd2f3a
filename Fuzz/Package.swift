// swift-tools-version: 6.0
// libFuzzer harnesses for Mawjaz's readers of untrusted text, kept out of the main build: `make fuzz` builds them
// with -sanitize=fuzzer,address into their own scratch folder and runs each for a set time.
import PackageDescription

let harnesses = ["FuzzReport", "FuzzCSV", "FuzzMarkup", "FuzzPlaceholders", "FuzzTemplate", "FuzzWorkbook"]

let package = Package(
    name: "MawjazFuzz",
    dependencies: [.package(name: "Mawjaz", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Mawjaz", package: "Mawjaz")]),
    ] + harnesses.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "Mawjaz", package: "Mawjaz")])
    },
    swiftLanguageModes: [.v6]
)
