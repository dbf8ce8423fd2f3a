// Fuzzes the inline markup: any text parses into pieces that hold no more than the text did.
import FuzzSupport
import Mawjaz
@testable import MawjazDocument

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkup(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let pieces = InlineMarkup.parse(text)
    let written = pieces.reduce(0) { $0 + $1.text.unicodeScalars.count + ($1.link?.unicodeScalars.count ?? 0) }
    if written > text.unicodeScalars.count { fatalError("markup grew the text: \(written) > \(text.unicodeScalars.count)") }
    return 0
}

@_cdecl("FuzzMarkup_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzMarkup)
}
