// Where a byte of a UTF-8 text stands, as an error names it: the YAML reader's limits and the workbook's XML reader.

/// The 1-based line and column (in characters) at which byte `offset` of the UTF-8 text `bytes` stands.
func place<Bytes: Sequence<UInt8>>(ofByte offset: Int, in bytes: Bytes) -> (line: Int, column: Int) {
    var line = 1, column = 1
    for byte in bytes.prefix(offset) {
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }
    return (line, column)
}
