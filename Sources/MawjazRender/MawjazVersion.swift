// The version Mawjaz writes into its outputs.

/// Mawjaz's version.
public enum MawjazVersion {
    /// The release this build belongs to.
    public static let current = "0.1.0"
}
