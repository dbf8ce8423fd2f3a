// Writing direction and logical alignment: the vocabulary every stage shares for right-to-left work.

/// The direction a paragraph, table or page reads in.
public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    case rightToLeft = "rtl"
    case leftToRight = "ltr"

    /// Whether the start side is the right.
    public var isRightToLeft: Bool { self == .rightToLeft }
}

/// Alignment in logical terms, resolved to a side once the direction is known.
public enum Alignment: String, Hashable, Sendable, Codable, CaseIterable {
    case start, end, center, justify

    /// The physical side this alignment puts text on in `direction`.
    package func resolved(in direction: Direction) -> PhysicalAlignment {
        switch (self, direction) {
        case (.center, _): return .center
        case (.start, .rightToLeft), (.end, .leftToRight), (.justify, .rightToLeft): return .right
        case (.start, .leftToRight), (.end, .rightToLeft), (.justify, .leftToRight): return .left
        }
    }
}

/// Alignment on the page: what a logical alignment becomes once the direction is known.
package enum PhysicalAlignment: Hashable, Sendable { case left, right, center }
