/// FNV-1a, 32 bits: a quick, stable hash of short byte strings (search words and shard keys), the
/// same on every machine and in every build, unlike Swift's seeded `Hasher`.
enum FNV1a {
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
