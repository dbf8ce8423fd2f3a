// Arrays of plain values written in place, allocated by code specialized for their element.

extension Array where Element: BitwiseCopyable {
    /// The array `initializer` writes, as `init(unsafeUninitializedCapacity:initializingWith:)` makes it (room for
    /// `capacity` elements, the first `count` of them written), but written in room of the moment (on the stack where it
    /// fits) and then copied into an array of exactly `count`.
    ///
    /// The standard library's initializer allocates through a function it does not let the compiler specialize
    /// (`Array._allocateBufferUninitialized(minimumCapacity:)`), which looks up the storage class's metadata at run time
    /// on every call: some 600 instructions an array, 0.4 M a 3-page document for the reader lines' texts, against a
    /// copy of a few hundred bytes here.
    init(writing capacity: Int, _ initializer: (_ buffer: UnsafeMutableBufferPointer<Element>, _ count: inout Int) -> Void) {
        self = withUnsafeTemporaryAllocation(of: Element.self, capacity: capacity) { room in
            var count = 0
            initializer(room, &count)
            return Array(UnsafeBufferPointer(rebasing: room[..<count]))
        }
    }
}
