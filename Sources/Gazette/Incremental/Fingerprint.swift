/// Everything a page is made from, written out in one canonical byte sequence and hashed: two
/// builds that give a page the same fingerprint give it the same bytes. Texts are prefixed by
/// their length, lists by their count and optional values by whether they are there, so that no
/// two different sequences of values run together into the same bytes.
struct Fingerprint {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// The hash (``ContentHash``) of everything added.
    var hash: ContentHash { ContentHash(of: bytes) }

    /// Adds a hash (of an input file, of another fingerprint).
    mutating func add(_ hash: ContentHash) {
        bytes.append(UInt8(ascii: "h"))
        bytes += hash.bytes
    }

    /// Adds a text.
    mutating func add(_ text: String) {
        bytes.append(UInt8(ascii: "s"))
        addCount(text.utf8.count)
        bytes += text.utf8
    }

    /// Adds a number.
    mutating func add(_ number: Int) {
        bytes.append(UInt8(ascii: "i"))
        addCount(number)
    }

    /// Adds a flag.
    mutating func add(_ flag: Bool) {
        bytes.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
    }

    /// Adds a value that knows what it is made of.
    mutating func add(_ value: some Fingerprinted) {
        value.addFingerprint(to: &self)
    }

    /// Adds a value that may be missing.
    mutating func add(_ value: String?) {
        add(value != nil)
        if let value { add(value) }
    }

    /// Adds a value that may be missing.
    mutating func add(_ value: (some Fingerprinted)?) {
        add(value != nil)
        if let value { add(value) }
    }

    /// Adds a list.
    mutating func add(_ values: [some Fingerprinted]) {
        bytes.append(UInt8(ascii: "["))
        addCount(values.count)
        for value in values { add(value) }
    }

    private mutating func addCount(_ count: Int) {
        withUnsafeBytes(of: Int64(count).littleEndian) { bytes += $0 }
    }
}

/// A value that writes every stored property it has into a fingerprint (the page models:
/// `PageModels+Fingerprint.swift`). A test compares each model's properties with what its
/// fingerprint writes, so that a property added to a model cannot be forgotten here.
protocol Fingerprinted {
    func addFingerprint(to fingerprint: inout Fingerprint)
}
