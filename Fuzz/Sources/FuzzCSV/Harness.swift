// Fuzzes the CSV scanner and the activity rows: any bytes give a log or errors at a line and column.
import FuzzSupport
import Mawjaz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let log = try ActivityCSV.parse(bytes, file: "log.csv", name: "activities")
        _ = log.countsByCategory()
        _ = log.countsByYear()
    } catch {
        for diagnostic in error.diagnostics { FuzzCheck.located(diagnostic, in: "log.csv") }
    }
    return 0
}

@_cdecl("FuzzCSV_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzCSV)
}
