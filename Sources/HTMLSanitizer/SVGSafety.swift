import CLibXML2

/// Decides whether an SVG image can be published as it is. An SVG opened at its own address is a
/// document of the site's origin: a script in it runs with the site's rights (stored XSS). The
/// file is read by libxml2's XML parser (no network, no entity expansion) and every element and
/// attribute is judged on the tree, never on the text: SVG elements must be on an allow-list
/// (no `script`, no `foreignObject`), XHTML and MathML elements are refused, and so are event
/// attributes (`on…`), references that leave the file (`href` other than `#id`, except a link's
/// `http`/`https`/`mailto`/`tel` address; `url(…)` other than `url(#id)`; `@import`), animations
/// of `href` or of an event attribute, entity declarations and processing instructions
/// (`<?xml-stylesheet?>`). Elements of other namespaces (Inkscape's, RDF metadata) are inert in a
/// browser and allowed; what they hold is judged too.
public enum SVGSafety {
    /// Why a file cannot be published: what was found and on which line of the SVG.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var finding: String
        public var description: String { "\(finding) (line \(line))" }
    }

    static let svgNamespace = "http://www.w3.org/2000/svg"
    /// Namespaces whose elements a browser makes active inside an SVG document.
    static let activeNamespaces: Set<String> = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"]
    /// SVG elements that draw, group, describe, style or animate, and nothing that runs code.
    static let allowedElements: Set<String> = [
        "a", "animate", "animateMotion", "animateTransform", "circle", "clipPath", "defs", "desc", "ellipse",
        "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
        "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence", "filter", "g", "image", "line", "linearGradient",
        "marker", "mask", "metadata", "mpath", "path", "pattern", "polygon", "polyline", "radialGradient", "rect", "set",
        "stop", "style", "svg", "switch", "symbol", "text", "textPath", "title", "tspan", "use", "view",
    ]
    static let animationElements: Set<String> = ["animate", "animateMotion", "animateTransform", "set"]

    /// The first reason the file `bytes` cannot be published as an SVG image, or nil when it is safe.
    public static func problem(in bytes: [UInt8]) -> Problem? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let document = bytes.withUnsafeBytes({ bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
        }) else { return Problem(line: 1, finding: "the file is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        if let subset = document.pointee.intSubset {
            var node = subset.pointee.children
            while let current = node {
                if current.pointee.type == XML_ENTITY_DECL {
                    return Problem(line: 1, finding: "an entity declaration (<!ENTITY>)")
                }
                node = current.pointee.next
            }
        }
        var pending: [xmlNodePtr] = []
        var top = document.pointee.children
        while let node = top {
            pending.append(node)
            top = node.pointee.next
        }
        while let node = pending.popLast() {
            if let problem = judge(node) { return problem }
            var child = node.pointee.children
            while let current = child {
                pending.append(current)
                child = current.pointee.next
            }
        }
        return nil
    }

    /// The problem with `node` itself (its element, attributes and, for `<style>`, its text).
    private static func judge(_ node: xmlNodePtr) -> Problem? {
        let line = Int(xmlGetLineNo(node))
        switch node.pointee.type {
        case XML_PI_NODE:
            return Problem(line: line, finding: "a processing instruction <?\(string(node.pointee.name))?>")
        case XML_ELEMENT_NODE:
            break
        default:
            return nil
        }
        let name = string(node.pointee.name)
        let namespace = node.pointee.ns.map { string($0.pointee.href) }
        if namespace == nil || namespace == svgNamespace {
            guard allowedElements.contains(name) else { return Problem(line: line, finding: "the element <\(name)>") }
        } else if let namespace, activeNamespaces.contains(namespace) {
            return Problem(line: line, finding: "the element <\(name)> of \(namespace)")
        }
        if name == "style", let text = content(of: node), let finding = problem(inCSS: text) {
            return Problem(line: line, finding: finding + " in <style>")
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = string(current.pointee.name)
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? ""
            if let finding = judge(attribute: attributeName, value: value, element: name) {
                return Problem(line: line, finding: finding + " on <\(name)>")
            }
        }
        return nil
    }

    /// What is wrong with the attribute `name="value"` of the element `element`, if anything.
    static func judge(attribute name: String, value: String, element: String) -> String? {
        if name.lowercased().hasPrefix("on") { return "the event attribute \(name)" }
        if name == "href" {
            let address = String(value.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
            if address.hasPrefix("#") { return nil }
            if element == "a", HTMLSanitizer.isAllowedURL(address) { return nil }
            return "the reference href=\"\(value.prefix(60))\" (only #id is allowed)"
        }
        if animationElements.contains(element), name == "attributeName" {
            let target = (value.split(separator: ":").last.map(String.init) ?? value).lowercased()
            if target == "href" || target.hasPrefix("on") { return "an animation of \(value)" }
        }
        if name == "style" { return problem(inCSS: value) }
        return problem(inCSS: value, escapesAllowed: true)
    }

    /// `url(…)` to anything but `#id`, `@import` or a `javascript:` address in CSS or a
    /// presentation attribute; in a style sheet also a CSS escape (`\75 rl(` is `url(`).
    static func problem(inCSS text: String, escapesAllowed: Bool = false) -> String? {
        if !escapesAllowed, text.contains("\\") { return "a CSS escape (\\)" }
        let compact = String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        if compact.contains("@import") { return "an @import" }
        if compact.contains("javascript:") { return "a javascript: address" }
        var rest = compact[...]
        while let open = rest.firstRange(of: "url(") {
            let target = rest[open.upperBound...].drop { $0 == "\"" || $0 == "'" }
            if !target.hasPrefix("#") { return "a reference url(\(target.prefix(40))" }
            rest = target
        }
        return nil
    }

    private static func content(of node: xmlNodePtr) -> String? {
        xmlNodeGetContent(node).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        }
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
