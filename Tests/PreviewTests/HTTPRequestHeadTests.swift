import Testing
@testable import Preview

/// Reading request heads within limits (hostile-input round 3, point 8).
@Suite struct HTTPRequestHeadTests {
    private func parse(_ text: String) throws(HTTPRequestHead.Problem) -> (head: HTTPRequestHead, length: Int)? {
        try HTTPRequestHead.parse(Array(text.utf8)[...])
    }

    @Test func aHeadIsReadUpToItsBlankLine() throws {
        let text = "GET /articles/2024/x/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: text/html\r\nAccept: */*\r\n\r\nGET / HTTP/1.1\r\n"
        let (head, length) = try #require(try parse(text))
        #expect(head.method == "GET" && head.path == "/articles/2024/x/" && head.version == "HTTP/1.1")
        #expect(head.headers["host"] == "127.0.0.1:8080" && head.headers["accept"] == "text/html, */*")
        #expect(length == text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
        #expect(head.keepsAlive && !head.hasBody)
        #expect(try parse("GET / HTTP/1.1\r\nHost: a\r\n") == nil, "incomplete")
        #expect(try parse("GET / HTTP/1.0\nHost: a\n\n")?.head.keepsAlive == false, "bare LF, HTTP/1.0")
    }

    @Test func limitsAreEnforcedAsSoonAsTheyArePassed() {
        let longLine = "GET /" + String(repeating: "a", count: HTTPRequestHead.maxRequestLine)
        #expect(throws: HTTPRequestHead.Problem.requestLineTooLong) { try parse(longLine) }
        #expect(throws: HTTPRequestHead.Problem.requestLineTooLong) { try parse(longLine + " HTTP/1.1\r\n\r\n") }
        let manyHeaders = "GET / HTTP/1.1\r\n" + String(repeating: "X-Remplissage: " + String(repeating: "b", count: 1000) + "\r\n", count: 40)
        #expect(throws: HTTPRequestHead.Problem.headTooLarge) { try parse(manyHeaders) }
        #expect(throws: HTTPRequestHead.Problem.headTooLarge) { try parse(manyHeaders + "\r\n") }
        for malformed in ["GET\r\n\r\n", "GET / HTTP/2\r\n\r\n", "GET / HTTP/1.1\r\nSans deux-points\r\n\r\n",
                          "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "GET / HTTP/1.1\r\nA: b\r\n  suite\r\n\r\n"] {
            #expect(throws: HTTPRequestHead.Problem.malformed, "\(malformed)") { try parse(malformed) }
        }
    }
}
