/// Writes the records of a cache file as bytes: numbers, flags and text one after another, read
/// back in the same order by a ``CacheReader`` (far cheaper than JSON for thousands of records).
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// A writer with room for `capacity` bytes before it grows.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A writer that goes on after `bytes` (moved in, not copied, when nothing else holds them).
    init(continuing bytes: [UInt8]) { self.bytes = bytes }

    /// An integer, in as few bytes as its size needs (LEB128 of its zigzag form).
    mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A number exactly (its bit pattern).
    mutating func write(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Text, as its UTF-8 length and bytes.
    mutating func write(_ text: String) {
        write(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// Bytes, as their count and themselves.
    mutating func write(bytes data: some Collection<UInt8>) {
        write(data.count)
        bytes.append(contentsOf: data)
    }

    /// Bytes that another writer wrote (a whole record read back by ``CacheReader``), as they are.
    mutating func append(written data: ArraySlice<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// Whether `value` is there, then it.
    mutating func write<Value>(_ value: Value?, _ writeValue: (inout CacheWriter, Value) -> Void) {
        write(value != nil)
        if let value { writeValue(&self, value) }
    }

    /// The count of `values`, then each.
    mutating func write<Value>(_ values: [Value], _ writeValue: (inout CacheWriter, Value) -> Void) {
        write(values.count)
        for value in values { writeValue(&self, value) }
    }
}

/// Reads what a ``CacheWriter`` wrote, in the same order; any misstep (a damaged file) throws.
struct CacheReader {
    /// The bytes end before what was to be read, or do not hold it.
    struct Damaged: Error {}

    private let storage: ArraySlice<UInt8>
    private var position: Int
    private let end: Int

    /// A reader of `bytes`.
    init(_ bytes: ArraySlice<UInt8>) {
        storage = bytes
        position = bytes.startIndex
        end = bytes.endIndex
    }

    /// Whether everything was read.
    var isAtEnd: Bool { position == end }

    /// Where the next read starts, to take back with ``bytes(since:)`` what was read since.
    var offset: Int { position }

    /// The bytes read since `offset`.
    func bytes(since offset: Int) -> ArraySlice<UInt8> {
        storage[offset..<position]
    }

    mutating func int() throws(Damaged) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Damaged() }
            let byte = storage[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard let byte = try take(1).first else { throw Damaged() }
        guard byte <= 1 else { throw Damaged() }
        return byte == 1
    }

    mutating func double() throws(Damaged) -> Double {
        var pattern: UInt64 = 0
        for (index, byte) in try take(8).enumerated() { pattern |= UInt64(byte) << (8 * UInt64(index)) }
        return Double(bitPattern: pattern)
    }

    mutating func string() throws(Damaged) -> String {
        String(decoding: try take(try int()), as: UTF8.self)
    }

    mutating func bytes() throws(Damaged) -> ArraySlice<UInt8> {
        try take(try int())
    }

    mutating func optional<Value>(_ readValue: (inout CacheReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        try bool() ? try readValue(&self) : nil
    }

    mutating func list<Value>(_ readValue: (inout CacheReader) throws(Damaged) -> Value) throws(Damaged) -> [Value] {
        let count = try int()
        guard count >= 0, count <= end - position else { throw Damaged() }
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readValue(&self)) }
        return values
    }

    private mutating func take(_ count: Int) throws(Damaged) -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - position else { throw Damaged() }
        defer { position += count }
        return storage[position..<(position + count)]
    }
}
