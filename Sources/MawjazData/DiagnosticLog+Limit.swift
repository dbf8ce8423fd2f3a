// Capping how many errors one file reports, so a wrongly formatted file does not flood the output.
import MawjazLanguage

extension DiagnosticLog {
    /// How many errors of one file are shown before the rest are only counted.
    package static let errorLimit = 100

    /// Throws the errors in file order if there are any, the first `limit` of them and then one that counts the rest.
    package func throwIfErrors(limit: Int = DiagnosticLog.errorLimit) throws(DataError) {
        let errors = Self.inFileOrder(self.errors)
        guard !errors.isEmpty else { return }
        guard errors.count > limit else { throw DataError(errors) }
        let shown = max(0, limit)
        let rest = errors.count - shown
        let summary = Diagnostic(.error, at: errors[shown].location, .moreErrors(rest))
        throw DataError(errors.prefix(shown) + [summary])
    }
}
