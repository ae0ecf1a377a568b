import Foundation
import Testing
@testable import Gazette

@Suite struct UTF8DecodingTests {
    @Test func validUTF8IsDecodedAsIs() throws {
        let text = "Santé numérique\n« 12 % » 🏥\n"
        #expect(try UTF8Decoding.decode(Array(text.utf8)).get() == text)
    }

    /// The column counts characters (code points) before the bad byte, not bytes.
    @Test(arguments: [
        (Array("ab\néé".utf8) + [0xE9] + Array("x".utf8), 2, 3, UInt8(0xE9)),
        (Array("abc".utf8) + [0xC3], 1, 4, UInt8(0xC3)),
        ([0xFF] + Array("\n".utf8), 1, 1, UInt8(0xFF)),
        (Array("a\n\n🏥".utf8) + [0x80], 3, 2, UInt8(0x80)),
    ])
    func theFirstInvalidByteIsLocatedByLineAndCharacter(bytes: [UInt8], line: Int, column: Int, byte: UInt8) {
        #expect(UTF8Decoding.decode(bytes) == .failure(UTF8Decoding.InvalidByte(line: line, column: column, byte: byte)))
    }

    @Test func aWindows1252FileIsReadBackAtTheBadByte() throws {
        let bytes: [UInt8] = Array("titre\nLa s".utf8) + [0xE9] + Array("curit".utf8) + [0xE9] + Array(" des SI.".utf8)
        guard case .failure(let invalid) = UTF8Decoding.decode(bytes) else { Issue.record("decoded"); return }
        let reading = try #require(UTF8Decoding.windows1252Reading(of: Data(bytes), at: invalid))
        #expect(reading.character == "é")
        #expect(reading.around == "La sécurité des SI.")
    }

    @Test func anASCIIByteHasNoWindows1252Reading() {
        // A byte below 0x80 never fails on its own: nothing to read back.
        #expect(UTF8Decoding.windows1252Reading(of: Data("abc".utf8), at: .init(line: 1, column: 2, byte: 0x62)) == nil)
    }
}
