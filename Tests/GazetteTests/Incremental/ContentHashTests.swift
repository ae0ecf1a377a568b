import Testing
@testable import Gazette

/// SHA-256 against the test vectors of FIPS 180-4 (and NIST's examples), across block boundaries.
@Suite struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownDigests(message: String, digest: String) {
        #expect(ContentHash(of: Array(message.utf8)).description == digest)
    }

    @Test func aMillionAs() {
        #expect(ContentHash(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).description
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func messagesAroundTheBlockSizeDiffer() {
        // 55, 56 and 64 bytes: one padded block, two, one full block plus one of padding.
        let digests = [55, 56, 63, 64, 65].map { ContentHash(of: [UInt8](repeating: 0x61, count: $0)).description }
        #expect(Set(digests).count == 5)
        #expect(digests[0] == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    }

    @Test func hexRoundTrips() throws {
        let hash = ContentHash(of: Array("Gazette".utf8))
        #expect(ContentHash(hex: Substring(hash.description)) == hash)
        #expect(ContentHash(hex: "zz") == nil)
    }
}
