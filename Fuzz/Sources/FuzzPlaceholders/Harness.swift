// Fuzzes placeholders and sections: any text in a paragraph binds, or gives located errors, within the limits.
import Foundation
import FuzzSupport
import Mawjaz
@testable import MawjazDocument

private let template: Template? = (try? Resources.bundled()).flatMap { resources in
    try? TemplateLoader(folder: resources.templates).template(for: FuzzCheck.report(body: []))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaceholders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let template else { fatalError("cannot find Mawjaz's Templates/ (set MAWJAZ_HOME)") }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let place = SourceLocation(file: "report.yaml", line: 5, column: 5)
    var report = FuzzCheck.report(body: [
        .paragraph(ParagraphSpec(text, location: place)),
        .table(TableSpec(columns: [.init("أ")], rows: [], rowsFrom: TableSpec.RowSource(dataset: "activities", cells: [text], location: place),
                         location: place)),
    ])
    // Small limits, so that a breach shows within one run.
    report.limits.expansionCharacters = 20_000
    report.limits.expansionSteps = 5_000
    do {
        let document = try Binder.bind(report, template: template)
        let written = document.blocks.reduce(0) { sum, block in
            guard case .paragraph(let paragraph) = block else { return sum }
            return sum + paragraph.text.plainText.unicodeScalars.count
        }
        if written > 40_000 { fatalError("a paragraph of \(written) characters passed the expansion limits") }
    } catch {
        for diagnostic in error.diagnostics { FuzzCheck.located(diagnostic, in: "report.yaml") }
    }
    return 0
}

@_cdecl("FuzzPlaceholders_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzPlaceholders)
}
