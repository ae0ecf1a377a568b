import CLibXML2

/// The links and ids of an HTML page, read with libxml2's HTML parser (as a browser would read
/// the page), for the link check of `gazette check`.
public struct HTMLLinkScan: Sendable {
    /// One `href` or `src` and the element that carries it.
    public struct Link: Hashable, Sendable {
        public var element: String
        public var attribute: String
        public var url: String
    }

    /// Every `href` and `src` of the page, in document order.
    public var links: [Link] = []
    /// Every `id` of the page (and `name` of `a`, which fragments may target too).
    public var ids: Set<String> = []

    /// Reads `html`.
    public init(html: String) {
        let flags: [UInt32] = [HTML_PARSE_NOERROR.rawValue, HTML_PARSE_NOWARNING.rawValue, HTML_PARSE_NONET.rawValue, XML_PARSE_HUGE.rawValue]
        var bytes = Array(html.utf8)
        let parsed = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", Int32(flags.reduce(0, |))) }
        }
        guard let document = parsed else { return }
        defer { xmlFreeDoc(document) }
        var pending = [xmlDocGetRootElement(document)].compactMap { $0 }
        var ordered: [xmlNodePtr] = []
        while let node = pending.popLast() {
            ordered.append(node)
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
                child = current.pointee.next
            }
            pending += children.reversed()
        }
        for node in ordered {
            let element = String(cString: node.pointee.name).lowercased()
            var property = node.pointee.properties
            while let attribute = property {
                property = attribute.pointee.next
                let name = String(cString: attribute.pointee.name).lowercased()
                guard name == "href" || name == "src" || name == "id" || (name == "name" && element == "a") else { continue }
                guard let raw = xmlGetProp(node, attribute.pointee.name) else { continue }
                let value = String(cString: raw)
                free(raw)
                if name == "id" || name == "name" { ids.insert(value) } else { links.append(Link(element: element, attribute: name, url: value)) }
            }
        }
    }
}
