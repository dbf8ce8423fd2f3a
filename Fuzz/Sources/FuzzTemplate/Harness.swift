// Fuzzes the template loader: any bytes as a template file give a template or located errors.
import Foundation
import FuzzSupport
import Mawjaz
@testable import MawjazDocument

private let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mawjaz-fuzz-template-\(getpid())")
private let file = folder.appendingPathComponent("template.yaml")
private let templates = (try? Resources.bundled()).map { $0.templates } ?? folder

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(bytes: data, count: size).write(to: file)
    } catch {
        fatalError("cannot write \(file.path): \(error)")
    }
    let report = FuzzCheck.report(body: [], template: file.path)
    do {
        _ = try TemplateLoader(folder: templates).template(for: report)
    } catch {
        for diagnostic in error.diagnostics { FuzzCheck.located(diagnostic, in: file.path) }
    }
    return 0
}

@_cdecl("FuzzTemplate_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzTemplate)
}
