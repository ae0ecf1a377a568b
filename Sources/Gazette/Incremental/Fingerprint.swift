/// Everything a page is made from, written out in one canonical byte sequence and hashed: two
/// builds that give a page the same fingerprint give it the same bytes. Texts are prefixed by
/// their length, lists by their count and optional values by whether they are there, so that no
/// two different sequences of values run together into the same bytes.
struct Fingerprint {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// The hash (``ContentHash``) of everything added.
    var hash: ContentHash { ContentHash(of: bytes) }

    /// Adds values, in order, each as it says it is made of (``Fingerprinted``).
    mutating func add<each Value: Fingerprinted>(_ value: repeat each Value) {
        repeat (each value).addFingerprint(to: &self)
    }

    /// Appends a kind tag, then a count if any, then bytes.
    fileprivate mutating func append(tag: Unicode.Scalar, count: Int? = nil, bytes more: some Sequence<UInt8> = EmptyCollection()) {
        bytes.append(UInt8(ascii: tag))
        if let count { withUnsafeBytes(of: Int64(count).littleEndian) { bytes += $0 } }
        bytes += more
    }
}

/// A value that writes every stored property it has into a fingerprint (the page models:
/// `PageModels+Fingerprint.swift`). A test compares each model's properties with what its
/// fingerprint writes, so that a property added to a model cannot be forgotten there.
protocol Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint)
}

extension ContentHash: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.append(tag: "h", bytes: lazyBytes) }
}

extension String: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.append(tag: "s", count: utf8.count, bytes: utf8) }
}

/// Whether the value is there, then the value.
extension Optional: Fingerprinted where Wrapped: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(self != nil)
        if let self { fingerprint.add(self) }
    }
}

extension Int: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.append(tag: "i", count: self) }
}

/// The count, then each element.
extension Array: Fingerprinted where Element: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.append(tag: "[", count: count)
        for element in self { fingerprint.add(element) }
    }
}

extension Bool: Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.append(tag: self ? "T" : "F") }
}
