// What an atomic reference count costs on this machine beside a plain one: swift_retain and swift_release against
// swift_nonatomic_retain and swift_nonatomic_release on one object, called through pointers (the optimiser removes
// a retain and release it can see pair up). Build and run: swiftc -O bench/callgrind/atomics.swift -o /tmp/atomics
// && /tmp/atomics (the best of 20 rounds of 5 million pairs each).
import Foundation

typealias Retain = @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer
typealias Release = @convention(c) (UnsafeMutableRawPointer) -> Void

final class Box {}

func runtimeFunction<T>(_ name: String, as type: T.Type) -> T {
    guard let address = dlsym(nil, name) else {  // nil: glibc's RTLD_DEFAULT, the program and what it loaded
        fatalError("the Swift runtime has no \(name)")
    }
    return unsafeBitCast(address, to: type)
}

@inline(never) func pairs(_ object: UnsafeMutableRawPointer, _ count: Int, _ retain: Retain, _ release: Release) {
    for _ in 0..<count {
        _ = retain(object)
        release(object)
    }
}

let object = Unmanaged.passRetained(Box()).toOpaque(), count = 5_000_000
let atomic = (runtimeFunction("swift_retain", as: Retain.self), runtimeFunction("swift_release", as: Release.self))
let plain = (runtimeFunction("swift_nonatomic_retain", as: Retain.self), runtimeFunction("swift_nonatomic_release", as: Release.self))
var best = (atomic: Double.infinity, plain: Double.infinity)
for _ in 0..<20 {
    var start = DispatchTime.now().uptimeNanoseconds
    pairs(object, count, atomic.0, atomic.1)
    best.atomic = min(best.atomic, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count))
    start = DispatchTime.now().uptimeNanoseconds
    pairs(object, count, plain.0, plain.1)
    best.plain = min(best.plain, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count))
}
print(String(format: "ns per retain and release: atomic %.2f, nonatomic %.2f, difference %.2f", best.atomic, best.plain,
             best.atomic - best.plain))
