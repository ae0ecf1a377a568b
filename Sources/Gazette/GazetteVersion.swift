/// The version `gazette --version` prints; part of the key of anything cached across builds.
public enum GazetteVersion {
    public static let current = "0.3.0"
}
