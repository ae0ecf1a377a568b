/// The SHA-256 of some bytes (FIPS 180-4): how the build cache recognises an input or a page it
/// has seen. Written here because Foundation on Linux has no digest, apple/swift-crypto would
/// compile BoringSSL in each of CI's three builds, and importing the system's libcrypto headers
/// next to Foundation breaks clean builds (`'UErrorCode' has different definitions in different
/// modules`). Checked against the standard's test vectors (`ContentHashTests`).
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    /// The digest of `data`.
    public init<Bytes: Collection>(of data: Bytes) where Bytes.Element == UInt8 {
        bytes = data.withContiguousStorageIfAvailable { SHA256.digest($0) } ?? Array(data).withUnsafeBufferPointer { SHA256.digest($0) }
    }

    /// Reads the 64 hexadecimal digits of ``description``; nil for anything else.
    public init?(hex: Substring) {
        self.init(hexDigits: hex.utf8)
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
        self.bytes = bytes
    }

    /// The digest in lowercase hexadecimal.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// SHA-256 over a buffer: 64-byte blocks, the last one padded with a 1 bit, zeros and the length.
private enum SHA256 {
    static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The eight working words, kept in locals rather than an array (no bounds or uniqueness checks).
    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    }

    static func digest(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var state = State()
        roundConstants.withUnsafeBufferPointer { constants in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let fullBlocks = message.count / 64
                for block in 0..<fullBlocks {
                    compress(&state, message.baseAddress! + block * 64, schedule: schedule, constants: constants)
                }
                // The rest, the 0x80 byte, zeros, and the length in bits, big-endian: one or two blocks.
                var tail = Array(message[(fullBlocks * 64)...])
                tail.append(0x80)
                while tail.count % 64 != 56 { tail.append(0) }
                let bitCount = UInt64(message.count) &* 8
                for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift))) }
                tail.withUnsafeBufferPointer { buffer in
                    for block in 0..<buffer.count / 64 {
                        compress(&state, buffer.baseAddress! + block * 64, schedule: schedule, constants: constants)
                    }
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7] {
            digest += [UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
                       UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
        return digest
    }

    /// One 64-byte block at `block` into `state`; `schedule` is room for the 64 message words.
    @inline(__always)
    private static func compress(_ state: inout State, _ block: UnsafePointer<UInt8>, schedule: UnsafeMutableBufferPointer<UInt32>,
                                 constants: UnsafeBufferPointer<UInt32>) {
        let w = schedule.baseAddress!, k = constants.baseAddress!
        for index in 0..<16 {
            let base = block + index * 4
            w[index] = UInt32(base[0]) << 24 | UInt32(base[1]) << 16 | UInt32(base[2]) << 8 | UInt32(base[3])
        }
        for index in 16..<64 {
            let early = w[index - 15], late = w[index - 2]
            let sigma0 = rotate(early, 7) ^ rotate(early, 18) ^ (early >> 3)
            let sigma1 = rotate(late, 17) ^ rotate(late, 19) ^ (late >> 10)
            w[index] = w[index - 16] &+ sigma0 &+ w[index - 7] &+ sigma1
        }
        var a = state.h0, b = state.h1, c = state.h2, d = state.h3, e = state.h4, f = state.h5, g = state.h6, h = state.h7
        for index in 0..<64 {
            let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let first = h &+ sum1 &+ choice &+ k[index] &+ w[index]
            let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let second = sum0 &+ majority
            h = g; g = f; f = e; e = d &+ first; d = c; c = b; b = a; a = first &+ second
        }
        state.h0 &+= a; state.h1 &+= b; state.h2 &+= c; state.h3 &+= d
        state.h4 &+= e; state.h5 &+= f; state.h6 &+= g; state.h7 &+= h
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
