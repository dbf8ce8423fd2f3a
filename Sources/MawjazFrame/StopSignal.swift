// How the long stages learn that their work is no longer wanted: a request past its deadline, or cancelled.

/// Asked by the long stages at bounded intervals — before each piece of text is set, after each block and each table
/// row is laid out, before each page is furnished or drawn — whether to give up. Work whose answer no one awaits any
/// more (a request past its time budget, a cancelled task) so stops within one such step, and the thread that did it is
/// free for the next.
package struct StopSignal: Sendable {
    private let raised: @Sendable () -> Bool

    /// A signal that is raised whenever `raised` says so (asked often: it must be cheap).
    package init(_ raised: @escaping @Sendable () -> Bool) { self.raised = raised }

    /// A signal never raised: the work runs to its end.
    package static let never = StopSignal { false }

    /// Whether the work should stop now.
    package var isRaised: Bool { raised() }
}
