// Fuzzes the report loader: any bytes as a report file (YAML or JSON) give a report or located errors.
import Foundation
import FuzzSupport
import Mawjaz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Data files the report may name resolve in an empty folder: only the report's own text is fuzzed.
    let folder = URL(fileURLWithPath: "/nonexistent-mawjaz-fuzz")
    do {
        _ = try ReportLoader.parse(text, file: "report.yaml", folder: folder)
    } catch {
        for diagnostic in error.diagnostics { FuzzCheck.located(diagnostic, in: "report.yaml") }
    }
    return 0
}

@_cdecl("FuzzReport_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzReport)
}
