#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which requests the preview answers, against web pages the editor visits while it runs.
///
/// DNS rebinding: a page on `evil.example` can point its own name at 127.0.0.1 and read the
/// preview (drafts included) as same-origin; its requests then carry `Host: evil.example`. So,
/// as Vite does, only a `Host` that is a loopback name (`localhost`, `*.localhost`), an IP
/// address (any, whatever the port: `--host 0.0.0.0` still works from a colleague's machine by
/// IP) or a name given with `--allowed-host` is answered. The live-reload event stream, which
/// carries build errors with quoted source lines, is accepted only from the page's own origin
/// (`Origin` equal to `http://` + `Host`), or from a client that sends no `Origin` (a page's
/// own same-origin `EventSource`; another site's sends its origin).
public struct RequestGuard: Sendable {
    /// Extra host names answered (lowercased), from `--allowed-host`.
    public let allowedHosts: Set<String>

    /// A guard that also answers the names `allowedHosts` (case-insensitive, without port).
    public init(allowedHosts: [String] = []) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
    }

    /// Whether a request whose `Host` header is `host` (nil: none) is answered.
    public func accepts(host: String?) -> Bool {
        guard let host, let name = Self.hostName(host) else { return false }
        return name == "localhost" || name.hasSuffix(".localhost") || Self.isIPAddress(name) || allowedHosts.contains(name)
    }

    /// Whether the live-reload event stream is opened for these `Host` and `Origin` headers.
    public func acceptsLiveReload(host: String?, origin: String?) -> Bool {
        guard accepts(host: host), let host else { return false }
        guard let origin else { return true }
        return origin.lowercased() == "http://" + host.lowercased()
    }

    /// The name of a `Host` header without its port, lowercased (IPv6 without brackets); nil
    /// when the header is malformed.
    static func hostName(_ header: String) -> String? {
        let value = header.lowercased()
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return nil }
            return String(value[value.index(after: value.startIndex)..<close])
        }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.first, !name.isEmpty else { return nil }
        if parts.count == 2, !isPort(parts[1]) { return nil }
        return String(name)
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    /// Whether `name` is an IPv4 address in dotted-decimal form or an IPv6 address.
    static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
