import CLibXML2

/// Filters an HTML fragment through an allow-list of elements, attributes and URL schemes.
///
/// The fragment is read by libxml2's HTML parser, which repairs it the way a browser would
/// (unclosed tags, stray quotes, odd case), so the filter judges the same tree a reader's browser
/// builds, never the text: no regular expression looks at the markup. Elements outside the list are
/// unwrapped (their text stays) or, for those whose content is code or chrome (`script`, `style`,
/// `iframe`, `form`…), dropped whole. Attributes outside the list, every `on…` handler, and URLs
/// whose scheme is not `http`, `https`, `mailto` or `tel` are removed. Comments are removed.
public struct HTMLSanitizer: Sendable {
    /// Elements kept when their name is listed, with the attributes each may keep besides the global ones.
    public static let allowedElements: [String: Set<String>] = [
        "a": ["href", "name", "rel"], "abbr": [], "b": [], "blockquote": ["cite"], "br": [], "caption": [],
        "cite": [], "code": [], "col": ["span"], "colgroup": ["span"], "dd": [], "del": ["datetime"],
        "details": ["open"], "div": [], "dl": [], "dt": [], "em": [], "figcaption": [], "figure": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [], "i": [],
        "img": ["src", "alt", "width", "height", "loading", "decoding"], "input": ["type", "checked", "disabled"],
        "ins": ["datetime"], "kbd": [], "li": ["value"], "mark": [], "ol": ["start", "reversed", "type"], "p": [],
        "pre": [], "q": ["cite"], "s": [], "samp": [], "section": [], "small": [], "span": [], "strong": [],
        "sub": [], "summary": [], "sup": [], "table": [], "tbody": [], "td": ["colspan", "rowspan", "style"],
        "tfoot": [], "th": ["colspan", "rowspan", "scope", "style"], "thead": [], "time": ["datetime"],
        "tr": [], "u": [], "ul": [], "var": [],
    ]
    /// Attributes any kept element may carry (plus `aria-*` and cmark-gfm's `data-footnote*`).
    public static let globalAttributes: Set<String> = ["id", "class", "title", "lang", "dir"]
    /// Elements removed with everything inside them.
    public static let droppedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input-form",
        "button", "select", "textarea", "option", "base", "meta", "link", "noscript", "template", "svg",
        "math", "head", "title", "audio", "video", "source", "track", "canvas", "portal", "dialog",
    ]
    /// Attributes that hold a URL, checked against ``allowedSchemes``.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]
    /// URL schemes a link or image may use; a URL without a scheme (relative, `#fragment`) is kept.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// An element the caller inserts itself after sanitizing (a placeholder), kept with `attribute`.
    public var trustedPlaceholder: (element: String, attribute: String)?

    /// Creates a sanitizer; `trustedPlaceholder` names an element that is kept with that one attribute.
    public init(trustedPlaceholder: (element: String, attribute: String)? = nil) {
        self.trustedPlaceholder = trustedPlaceholder
    }

    /// `html` with everything outside the allow-list removed, serialized as HTML (UTF-8).
    public func sanitize(_ html: String) -> String {
        HTMLFragment.transform(html) { body in clean(body) }
    }

    /// Filters the subtree below `root` in place, with an explicit stack (no recursion: any depth).
    private func clean(_ root: xmlNodePtr) {
        var pending: [xmlNodePtr] = [root]
        while let parent = pending.popLast() {
            var child = parent.pointee.children
            while let node = child {
                child = node.pointee.next
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
                    continue
                case XML_ELEMENT_NODE:
                    let name = Self.name(of: node)
                    if let trusted = trustedPlaceholder, name == trusted.element {
                        Self.keepAttributes(of: node) { $0 == trusted.attribute }
                    } else if let allowed = Self.allowedElements[name] {
                        Self.keepAttributes(of: node) { attribute in
                            Self.allows(attribute, of: name, specific: allowed)
                        }
                        Self.checkValues(of: node, element: name)
                        if name == "input", Self.attribute("type", of: node) != "checkbox" {
                            Self.remove(node)
                            continue
                        }
                        pending.append(node)
                    } else if Self.droppedElements.contains(name) {
                        Self.remove(node)
                    } else {
                        // Unknown or presentational element: keep what it holds, clean that too.
                        child = node.pointee.children ?? node.pointee.next
                        Self.unwrap(node)
                    }
                default:
                    // Comments, processing instructions, doctype fragments.
                    Self.remove(node)
                }
            }
        }
    }

    private static func allows(_ attribute: String, of element: String, specific: Set<String>) -> Bool {
        if attribute.hasPrefix("on") { return false }
        if globalAttributes.contains(attribute) || specific.contains(attribute) { return true }
        if attribute.hasPrefix("aria-") { return true }
        return attribute == "data-footnotes" || attribute.hasPrefix("data-footnote-")
    }

    /// Removes URL attributes with a scheme outside the list, and `style` other than a table cell's alignment.
    private static func checkValues(of node: xmlNodePtr, element: String) {
        keepAttributes(of: node) { name in
            guard let value = attribute(name, of: node) else { return true }
            if urlAttributes.contains(name) { return isAllowedURL(value) }
            if name == "style" { return ["text-align: left", "text-align: center", "text-align: right"].contains(value) }
            return true
        }
    }

    /// Whether `url` is relative or uses an allowed scheme. What stands before the first colon is
    /// a scheme only when it follows the URL standard's grammar, `ALPHA *( ALPHA / DIGIT / "+" /
    /// "-" / "." )`; otherwise the address is relative (`foo):` is a path). Control characters
    /// and spaces, which browsers skip inside a scheme (`java\tscript:`), are ignored first.
    public static func isAllowedURL(_ url: String) -> Bool {
        let significant = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }.map(Character.init))
        guard let colon = significant.firstIndex(of: ":") else { return true }
        let beforeColon = significant[..<colon]
        guard let first = beforeColon.first, first.isASCII, first.isLetter,
              beforeColon.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return true }
        return allowedSchemes.contains(beforeColon.lowercased())
    }

    // MARK: libxml2 helpers

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        let text = String(cString: value)
        free(value)  // libxml2's default xmlFree is free()
        return text
    }

    /// Removes every attribute of `node` whose (lower-case) name `keep` refuses.
    private static func keepAttributes(of node: xmlNodePtr, _ keep: (String) -> Bool) {
        var property = node.pointee.properties
        while let current = property {
            property = current.pointee.next
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if !keep(name) { xmlRemoveProp(current) }
        }
    }

    private static func remove(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Moves the children of `node` before it, then removes it.
    private static func unwrap(_ node: xmlNodePtr) {
        while let child = node.pointee.children {
            xmlUnlinkNode(child)
            xmlAddPrevSibling(node, child)
        }
        remove(node)
    }

}
