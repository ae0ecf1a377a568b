/// The request line and headers of one HTTP/1.1 request (RFC 9112), read from the bytes a client
/// sent, within limits: a request line over ``maxRequestLine`` bytes is refused with 414 and a
/// head over ``maxHead`` bytes with 431, as soon as that many bytes have arrived (without the
/// limits, one client sending a 10 MB header kept a core busy and the server's memory growing).
struct HTTPRequestHead: Equatable {
    /// Longest request line accepted (method, target and version).
    static let maxRequestLine = 8 * 1024
    /// Longest head accepted (request line and every header).
    static let maxHead = 32 * 1024

    /// Why a head cannot be read: the status to answer with before closing the connection.
    enum Problem: Error, Equatable {
        case requestLineTooLong, headTooLarge, malformed

        var status: Int {
            switch self {
            case .requestLineTooLong: 414
            case .headTooLarge: 431
            case .malformed: 400
            }
        }
    }

    var method: String
    /// The target as sent, percent-encoded (`/articles/2024/x/?a=b`).
    var target: String
    var version: String
    /// Header values by lowercased name (a repeated header's values joined with `, `).
    var headers: [String: String]

    /// The target's path, without its query.
    var path: String { String(target.prefix { $0 != "?" }) }

    /// Whether the client expects the connection to stay open after the response.
    var keepsAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// Whether a body follows the head (the preview answers no request that has one).
    var hasBody: Bool {
        headers["transfer-encoding"] != nil || (headers["content-length"].map { $0 != "0" } ?? false)
    }

    /// The head at the start of `bytes`, with the number of bytes it takes (up to its blank
    /// line); nil while it is incomplete and still within the limits.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(Problem) -> (head: HTTPRequestHead, length: Int)? {
        let newline = UInt8(ascii: "\n")
        guard let firstBreak = bytes.firstIndex(of: newline) else {
            if bytes.count > maxRequestLine { throw .requestLineTooLong }
            return nil
        }
        if firstBreak - bytes.startIndex > maxRequestLine { throw .requestLineTooLong }
        // The head ends at an empty line (CRLF CRLF, or LF LF from lenient clients).
        var lineStart = firstBreak + 1
        var end: Int?
        while let lineEnd = bytes[lineStart...].firstIndex(of: newline) {
            let line = bytes[lineStart..<lineEnd]
            if line.isEmpty || line.elementsEqual([UInt8(ascii: "\r")]) {
                end = lineEnd + 1
                break
            }
            lineStart = lineEnd + 1
        }
        guard let end else {
            if bytes.count > maxHead { throw .headTooLarge }
            return nil
        }
        if end - bytes.startIndex > maxHead { throw .headTooLarge }
        let text = String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
        // "\r\n" is one Character in Swift: lines end with either.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
        let parts = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].hasPrefix("/") || parts[1] == "*", parts[2].hasPrefix("HTTP/1.") else {
            throw .malformed
        }
        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            // A folded line (starting with a space) is obsolete and refused (RFC 9112 §5.2).
            guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "\t",
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else { throw .malformed }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return (HTTPRequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers),
                end - bytes.startIndex)
    }
}

private extension Substring {
    /// The text without the given characters at either end.
    func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
