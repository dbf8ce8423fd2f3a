// The version Mawjaz writes into its outputs.

/// Mawjaz's version.
package enum MawjazVersion {
    /// The release this build belongs to.
    package static let current = "0.1.0"
}
