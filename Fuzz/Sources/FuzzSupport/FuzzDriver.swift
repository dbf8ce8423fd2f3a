// Starts libFuzzer from a harness's entry point: SwiftPM links an executable's entry point as `main`, where
// libFuzzer would bring its own, so each harness calls libFuzzer's driver itself.

/// A harness: bytes in, 0 out (libFuzzer's `LLVMFuzzerTestOneInput`).
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ target: FuzzTarget) -> CInt

public enum FuzzDriver {
    /// Runs libFuzzer over `target` with the program's arguments; returns its exit status.
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ target: FuzzTarget) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments, target)
    }
}
