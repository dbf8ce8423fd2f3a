// Numbering category names in order of first appearance, without hashing each activity's name.

/// Gives each distinct name a number, in order of first appearance; names equal as Strings (canonically
/// equivalent) share one.
///
/// Hashing or comparing different non-ASCII Strings goes through Unicode normalisation, which made counting
/// 100,000 Arabic categories slow. So each spelling is found by its UTF-8 bytes (the last one found first, then
/// by scanning while there are few, then through a dictionary), and Strings are compared only for a new spelling.
struct NameIndex {
    /// The names, in order of first appearance, as first spelt.
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]
    /// Every byte-distinct spelling met, with the number of its name.
    private var spellings: [(bytes: [UInt8], number: Int)] = []
    /// The position in `spellings` of each spelling, once there are more than `scanLimit`.
    private var spellingPositions: [[UInt8]: Int] = [:]
    private var last = 0
    private static let scanLimit = 8

    /// An index that numbers `names` first, in their order, without repeats.
    init(_ names: [String] = []) {
        for name in names { _ = number(of: name) }
    }

    /// The number of `name`, numbering it next if it is new.
    mutating func number(of name: String) -> Int {
        var name = name
        if let known = name.withUTF8({ knownNumber(ofSpelling: $0) }) { return known }
        let number: Int
        if let known = numbers[name] {
            number = known
        } else {
            number = names.count
            names.append(name)
            numbers[name] = number
        }
        spellings.append((Array(name.utf8), number))
        last = spellings.count - 1
        if spellings.count > Self.scanLimit {
            if spellingPositions.isEmpty {
                spellingPositions = Dictionary(uniqueKeysWithValues: spellings.enumerated().map { ($1.bytes, $0) })
            } else {
                spellingPositions[spellings[last].bytes] = last
            }
        }
        return number
    }

    /// The number of a spelling already met, or nil.
    private mutating func knownNumber(ofSpelling bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if last < spellings.count, Self.equal(spellings[last].bytes, bytes) { return spellings[last].number }
        let position = spellings.count <= Self.scanLimit
            ? spellings.firstIndex { Self.equal($0.bytes, bytes) }
            : spellingPositions[Array(bytes)]
        guard let position else { return nil }
        last = position
        return spellings[position].number
    }

    private static func equal(_ spelling: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        spelling.count == bytes.count && spelling.withUnsafeBufferPointer { $0.elementsEqual(bytes) }
    }
}
