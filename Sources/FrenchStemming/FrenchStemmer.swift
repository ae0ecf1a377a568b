import CStemmer

/// Snowball's French stemmer (libstemmer): `hopitaux` → `hopital`, `cyberattaques` →
/// `cyberattaqu`. It is given folded words (``SearchText``), so that accented and unaccented
/// spellings meet (`sécurité` and `securite` both reach `securit`). Words with a digit are kept
/// as they are. Not shareable between threads: one per task.
///
/// Its own target, without Foundation: a file that sees a C library's module next to Foundation
/// can fail a clean build on the system ICU's `UErrorCode` (see `Sources/CLibXML2/shim.h`).
public final class FrenchStemmer {
    private let stemmer: OpaquePointer

    /// A stemmer; nil only if libstemmer has no French algorithm.
    public init?() {
        guard let stemmer = sb_stemmer_new("french", "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a folded word.
    public func stem(_ word: String) -> String {
        if word.utf8.contains(where: { (0x30...0x39).contains($0) }) { return word }
        var bytes = Array(word.utf8)
        guard let stem = sb_stemmer_stem(stemmer, &bytes, Int32(bytes.count)) else { return word }
        let length = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: stem, count: length), as: UTF8.self)
    }
}
