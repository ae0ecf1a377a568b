/// The BLAKE2s-256 digest of some bytes (RFC 7693): how the build cache recognises an input or a
/// page it has seen. Written here because Foundation on Linux has no digest, apple/swift-crypto
/// would compile BoringSSL in each of CI's three builds, and a C target next to Foundation (the
/// system's libcrypto, or the processor's SHA instructions in a C file of ours) breaks clean
/// builds (`'UErrorCode' has different definitions in different modules`). BLAKE2s rather than
/// SHA-256: in portable Swift it takes about 40 % of SHA-256's instructions per byte, and every
/// input is hashed at every incremental build. Checked against the RFC's vectors and Python's
/// `hashlib.blake2s` (`ContentHashTests`).
struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The digest's 32 bytes, eight to a word in little-endian order: held inline, so that a hash
    /// costs no allocation (a build makes one for every input and every page).
    private let words: SIMD4<UInt64>

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] { Array(lazyBytes) }

    /// The 32 bytes of the digest, read as they are needed.
    var lazyBytes: LazyMapSequence<Range<Int>, UInt8> { (0..<32).lazy.map(byte) }

    /// Byte `index` (0 to 31) of the digest.
    private func byte(_ index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: words[index >> 3] >> UInt64((index & 7) * 8))
    }

    /// The digest of `data`.
    public init<Bytes: Collection>(of data: Bytes) where Bytes.Element == UInt8 {
        words = data.withContiguousStorageIfAvailable { BLAKE2s.digest($0) } ?? Array(data).withUnsafeBufferPointer { BLAKE2s.digest($0) }
    }

    /// The keyed digest of `data` (BLAKE2s as a MAC) under `key`, of 1 to 32 bytes: without the
    /// key, no one can make a digest that matches.
    init(of data: some Collection<UInt8>, key: [UInt8]) {
        precondition((1...32).contains(key.count), "a BLAKE2s key has 1 to 32 bytes")
        // The key, padded to a block, is the first block of the message.
        let message = key + [UInt8](repeating: 0, count: 64 - key.count) + data
        words = message.withUnsafeBufferPointer { BLAKE2s.digest($0, keyLength: key.count) }
    }

    /// The hash whose 32 bytes are at `pointer` (as ``append(to:)`` writes them).
    init(loadingFrom pointer: UnsafeRawPointer) {
        words = SIMD4((0..<4).map { UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) })
    }

    /// Appends the 32 bytes of the digest to `bytes`.
    func append(to bytes: inout [UInt8]) {
        for index in 0..<4 { withUnsafeBytes(of: words[index].littleEndian) { bytes += $0 } }
    }

    /// Reads the 64 hexadecimal digits of ``description``; nil for anything else.
    public init?(hex: Substring) {
        self.init(hexDigits: hex.utf8)
    }

    /// The hash whose bytes are `bytes` (nil unless there are 32).
    init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var words = SIMD4<UInt64>()
        for (index, byte) in bytes.enumerated() { words[index >> 3] |= UInt64(byte) << UInt64((index & 7) * 8) }
        self.words = words
    }

    /// Reads the 64 hexadecimal digits of ``description`` from UTF-8 bytes; nil for anything else.
    init?(hexDigits: some Collection<UInt8>) {
        guard hexDigits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8?
        for digit in hexDigits {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = digit - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        self.init(bytes: bytes)
    }

    /// The digest in lowercase hexadecimal.
    public var description: String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        appendHexDigits(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``description``'s 64 digits, as UTF-8, to `text`.
    func appendHexDigits(to text: inout [UInt8]) {
        for index in 0..<32 {
            let byte = byte(index)
            text.append(Self.hexDigits[Int(byte >> 4)])
            text.append(Self.hexDigits[Int(byte & 15)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// BLAKE2s-256 (RFC 7693, unkeyed) over a buffer: 64-byte blocks, the last one (possibly empty)
/// padded with zeros and flagged as final, the byte count folded into each block.
private enum BLAKE2s {
    /// SHA-256's initial words, as BLAKE2s takes them.
    static let initialWords: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

    /// Which message word each step of each of the ten rounds reads (RFC 7693's SIGMA, a row a
    /// round), flattened for the compression loop.
    static let schedule: [UInt8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
        [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
        [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
        [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
        [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
        [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
        [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
        [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
        [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    ].flatMap { $0 }

    /// The digest of `message`: its 32 bytes, eight to a word, little-endian. With a key, its
    /// `keyLength` and the key padded to a block before the message.
    static func digest(_ message: UnsafeBufferPointer<UInt8>, keyLength: Int = 0) -> SIMD4<UInt64> {
        // The state and the block live on the stack: a digest allocates nothing.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 24) { memory in
            let state = memory.baseAddress!, words = UnsafeMutableBufferPointer(rebasing: memory[8...])
            for index in 0..<8 { state[index] = initialWords[index] }
            state[0] ^= 0x0101_0020 | UInt32(keyLength) << 8 // key length, 32-byte digest
            schedule.withUnsafeBufferPointer { schedule in
                // Every full block but the last is compressed as it comes; the last (full,
                // partial or empty) is padded with zeros and flagged as final.
                var offset = 0
                while message.count - offset > 64 {
                    load(words, from: message.baseAddress! + offset, count: 64)
                    offset += 64
                    compress(state, words: words.baseAddress!, count: UInt64(offset), isFinal: false, schedule: schedule.baseAddress!)
                }
                load(words, from: message.baseAddress.map { $0 + offset }, count: message.count - offset)
                compress(state, words: words.baseAddress!, count: UInt64(message.count), isFinal: true, schedule: schedule.baseAddress!)
            }
            // The state's words are the digest's bytes in little-endian order, two to a 64-bit word.
            func word(_ index: Int) -> UInt64 { UInt64(state[2 * index]) | UInt64(state[2 * index + 1]) << 32 }
            return SIMD4(word(0), word(1), word(2), word(3))
        }
    }

    /// The 16 little-endian words of the `count` bytes at `bytes` (at most 64), zeros after them.
    @inline(__always)
    private static func load(_ words: UnsafeMutableBufferPointer<UInt32>, from bytes: UnsafePointer<UInt8>?, count: Int) {
        if count == 64, let bytes {
            UnsafeMutableRawPointer(words.baseAddress!).copyMemory(from: bytes, byteCount: 64)
            for index in 0..<16 { words[index] = UInt32(littleEndian: words[index]) }
            return
        }
        let raw = UnsafeMutableRawBufferPointer(words)
        raw.initializeMemory(as: UInt8.self, repeating: 0)
        if let bytes, count > 0 { raw.baseAddress!.copyMemory(from: bytes, byteCount: count) }
        for index in 0..<16 { words[index] = UInt32(littleEndian: words[index]) }
    }

    /// One block of `words` into `state`; `count` is the number of bytes hashed up to its end.
    @inline(__always)
    private static func compress(_ state: UnsafeMutablePointer<UInt32>, words m: UnsafePointer<UInt32>, count: UInt64, isFinal: Bool,
                                 schedule: UnsafePointer<UInt8>) {
        var v0 = state[0], v1 = state[1], v2 = state[2], v3 = state[3], v4 = state[4], v5 = state[5], v6 = state[6], v7 = state[7]
        var v8: UInt32 = 0x6a09e667, v9: UInt32 = 0xbb67ae85, v10: UInt32 = 0x3c6ef372, v11: UInt32 = 0xa54ff53a
        var v12: UInt32 = 0x510e527f ^ UInt32(truncatingIfNeeded: count), v13: UInt32 = 0x9b05688c ^ UInt32(truncatingIfNeeded: count >> 32)
        var v14: UInt32 = 0x1f83d9ab ^ (isFinal ? 0xffff_ffff : 0), v15: UInt32 = 0x5be0cd19
        for round in 0..<10 {
            let s = schedule + round * 16
            mix(&v0, &v4, &v8, &v12, m[Int(s[0])], m[Int(s[1])])
            mix(&v1, &v5, &v9, &v13, m[Int(s[2])], m[Int(s[3])])
            mix(&v2, &v6, &v10, &v14, m[Int(s[4])], m[Int(s[5])])
            mix(&v3, &v7, &v11, &v15, m[Int(s[6])], m[Int(s[7])])
            mix(&v0, &v5, &v10, &v15, m[Int(s[8])], m[Int(s[9])])
            mix(&v1, &v6, &v11, &v12, m[Int(s[10])], m[Int(s[11])])
            mix(&v2, &v7, &v8, &v13, m[Int(s[12])], m[Int(s[13])])
            mix(&v3, &v4, &v9, &v14, m[Int(s[14])], m[Int(s[15])])
        }
        state[0] ^= v0 ^ v8; state[1] ^= v1 ^ v9; state[2] ^= v2 ^ v10; state[3] ^= v3 ^ v11
        state[4] ^= v4 ^ v12; state[5] ^= v5 ^ v13; state[6] ^= v6 ^ v14; state[7] ^= v7 ^ v15
    }

    /// The G function: two message words mixed into one column or diagonal.
    @inline(__always)
    private static func mix(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32, _ x: UInt32, _ y: UInt32) {
        a = a &+ b &+ x; d = rotate(d ^ a, 16)
        c = c &+ d; b = rotate(b ^ c, 12)
        a = a &+ b &+ y; d = rotate(d ^ a, 8)
        c = c &+ d; b = rotate(b ^ c, 7)
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
