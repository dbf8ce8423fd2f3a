// Fuzzes the template loader: any bytes as a template file give a template or located errors.
import Foundation
import FuzzSupport
import Mawjaz
@testable import MawjazDocument

// The template is a file, as the loader reads it for the command line: written for each input into a folder made
// once, in memory (/dev/shm) where there is one, by a plain write(2) — Foundation's `Data.write` made every input wait
// for the disk, and the harness ran at some 60 inputs a second, almost all of it waiting.
private let folder: URL = {
    let memory = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
    let base = FileManager.default.isWritableFile(atPath: memory.path) ? memory : URL(fileURLWithPath: NSTemporaryDirectory())
    let folder = base.appendingPathComponent("mawjaz-fuzz-template-\(getpid())")
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
        fatalError("cannot make \(folder.path): \(error)")
    }
    return folder
}()
private let file = folder.appendingPathComponent("template.yaml")
private let templates = (try? Resources.bundled()).map { $0.templates } ?? folder

/// Replaces the template file's bytes with the input's.
private func writeTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) {
    let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot open \(file.path): errno \(errno)") }
    defer { close(descriptor) }
    var written = 0
    while written < size {
        let count = write(descriptor, data + written, size - written)
        guard count > 0 else { fatalError("cannot write \(file.path): errno \(errno)") }
        written += count
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    writeTemplate(data, size)
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
