import CLibXML2

/// An HTML fragment read by libxml2's HTML parser (as a browser would), changed in place, and
/// written back as HTML in UTF-8 without added line breaks.
enum HTMLFragment {
    /// `html` after `change` has worked on the `<body>` that holds it.
    static func transform(_ html: String, _ change: (xmlNodePtr) -> Void) -> String {
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        // HUGE lifts libxml2's depth limit of 256, past which it would silently drop the rest of the text.
        let flags: [UInt32] = [HTML_PARSE_NOERROR.rawValue, HTML_PARSE_NOWARNING.rawValue, HTML_PARSE_NONET.rawValue,
                               HTML_PARSE_NOIMPLIED.rawValue, XML_PARSE_HUGE.rawValue]
        var bytes = Array(wrapped.utf8)
        let parsed = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(flags.reduce(0, |)))
            }
        }
        guard let document = parsed else { return "" }
        defer { xmlFreeDoc(document) }
        guard let body = findBody(xmlDocGetRootElement(document)) else { return "" }
        change(body)
        return serializeChildren(of: body, in: document)
    }

    /// The `<body>` element below `root`.
    private static func findBody(_ root: xmlNodePtr?) -> xmlNodePtr? {
        var pending = [root].compactMap { $0 }
        while let node = pending.popLast() {
            if node.pointee.type == XML_ELEMENT_NODE, HTMLSanitizer.name(of: node) == "body" { return node }
            var child = node.pointee.children
            while let current = child {
                pending.append(current)
                child = current.pointee.next
            }
        }
        return nil
    }

    /// The children of `body` as HTML (format 0: no added line breaks), in UTF-8.
    private static func serializeChildren(of body: xmlNodePtr, in document: htmlDocPtr) -> String {
        guard let buffer = xmlAllocOutputBuffer(nil) else { return "" }
        var child = body.pointee.children
        while let node = child {
            htmlNodeDumpFormatOutput(buffer, document, node, "UTF-8", 0)
            child = node.pointee.next
        }
        xmlOutputBufferFlush(buffer)
        var output = ""
        if let content = xmlOutputBufferGetContent(buffer) {
            output = String(decoding: UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer))), as: UTF8.self)
        }
        xmlOutputBufferClose(buffer)
        return output
    }
}
