import Testing
@testable import Gazette

/// BLAKE2s-256 against RFC 7693's vector and digests from Python's `hashlib.blake2s`, across block
/// boundaries (a message of exactly one block is its own final block).
@Suite struct ContentHashTests {
    @Test(arguments: [
        ("", "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9"),
        ("abc", "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "6f4df5116a6f332edab1d9e10ee87df6557beab6259d7663f3bcd5722c13f189"),
    ])
    func knownDigests(message: String, digest: String) {
        #expect(ContentHash(of: Array(message.utf8)).description == digest)
    }

    @Test(arguments: [
        (55, "8265e9235687e0db03e94d2827d2c44f5bcb2c9a51e3cd3198078500bc58e5f1"),
        (64, "651d2f5f20952eacaea2fba2f2af2bcd633e511ea2d2e4c9ae2ac0d9ffb7b252"),
        (65, "045f8ae18932119bd051ac7ba5c73db59892055fad5c32f82d79a6543d92a497"),
        (1_000_000, "bec0c0e6cde5b67acb73b81f79a67a4079ae1c60dac9d2661af18e9f8b50dfa5"),
    ])
    func repeatedAs(count: Int, digest: String) {
        #expect(ContentHash(of: [UInt8](repeating: UInt8(ascii: "a"), count: count)).description == digest)
    }

    @Test func everyByteValueThreeTimes() {
        // 768 bytes: twelve blocks, the last one full and final.
        let message = (0..<768).map { UInt8($0 % 256) }
        #expect(ContentHash(of: message).description == "b928a17862e211e99759ba8819280803a914cd3dee7c5d711a3b5185aa96a7b3")
    }

    /// Keyed BLAKE2s (a MAC), against Python's `hashlib.blake2s(message, key=key)`.
    @Test func keyedDigests() {
        #expect(ContentHash(of: Array("abc".utf8), key: Array("secret de la redaction".utf8)).description
                == "8775b8e51300e5f02a44bad810fe65f62b141a7144e71d18ba6c4ef0f4b644e5")
        #expect(ContentHash(of: [UInt8](), key: Array("k".utf8)).description == "e4db13614567e4ed83bed1b46d4d51717081c2eaf18d4b71fd85d487b9572929")
        #expect(ContentHash(of: (0..<768).map { UInt8($0 % 256) }, key: (0..<32).map { UInt8($0) }).description
                == "1b277faf11bdea57812d20e0175f6dfd62770260d14cbb8735653f22852038a2")
    }

    @Test func hexRoundTrips() throws {
        let hash = ContentHash(of: Array("Gazette".utf8))
        #expect(ContentHash(hex: Substring(hash.description)) == hash)
        #expect(ContentHash(hex: "zz") == nil)
    }
}
