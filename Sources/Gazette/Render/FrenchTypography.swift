import GazetteMarkdown

/// French typographic spacing and quotes for running text (never code, URLs or attributes).
enum FrenchTypography {
    private static let colon = UInt8(ascii: ":"), semicolon = UInt8(ascii: ";"), exclamation = UInt8(ascii: "!")
    private static let question = UInt8(ascii: "?"), percent = UInt8(ascii: "%"), quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
    private static let apostrophe = UInt8(ascii: "'")
    private static let typographicApostrophe: [UInt8] = [0xE2, 0x80, 0x99]
    private static let noBreakSpaceBytes: [UInt8] = [0xC2, 0xA0]
    private static let openingGuillemet: [UInt8] = [0xC2, 0xAB]
    private static let closingGuillemet: [UInt8] = [0xC2, 0xBB]

    /// Whether the byte at `index` starts something the rules act on.
    private static func isMark(_ bytes: [UInt8], at index: Int) -> Bool {
        switch bytes[index] {
        case colon, semicolon, exclamation, question, percent, quote, apostrophe: return true
        case 0xC2: return index + 1 < bytes.count && (bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB)
        default: return false
        }
    }

    /// Puts a no-break space before `: ; ! ? %` and inside « », turns straight double quotes into
    /// « » and a straight apostrophe after a letter into ’ (`qu'ils` → `qu’ils`).
    ///
    /// `quoteOpen` carries whether a straight quote is open across text fragments of one block.
    /// Works on UTF-8 bytes: every mark it acts on is ASCII or a two-byte sequence.
    public static func apply(to text: String, quoteOpen: inout Bool) -> String {
        let bytes = Array(text.utf8)
        guard bytes.indices.contains(where: { isMark(bytes, at: $0) }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case colon, semicolon, exclamation, question, percent:
                let previous = index > 0 ? bytes[index - 1] : 0
                let isPunctuationRun = (previous == exclamation || previous == question) && byte != percent
                if output.last == space {
                    output.removeLast()
                    output += noBreakSpaceBytes
                } else if !isPunctuationRun, needsSpaceBefore(byte, after: output, next: index + 1 < bytes.count ? bytes[index + 1] : nil) {
                    output += noBreakSpaceBytes
                }
                output.append(byte)
                index += 1
            case apostrophe:
                let previous = output.last ?? 0
                let afterLetter = (previous | 0x20 >= 0x61 && previous | 0x20 <= 0x7A) || previous >= 0x80
                output += afterLetter ? typographicApostrophe : [apostrophe]
                index += 1
            case quote:
                if quoteOpen {
                    trimTrailingSpace(&output)
                    output += noBreakSpaceBytes + closingGuillemet
                } else {
                    output += openingGuillemet + noBreakSpaceBytes
                }
                quoteOpen.toggle()
                index += 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xAB:
                output += openingGuillemet
                index += 2
                if index < bytes.count, bytes[index] == space { index += 1 }
                if !(index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0) { output += noBreakSpaceBytes }
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xBB:
                trimTrailingSpace(&output)
                output += noBreakSpaceBytes + closingGuillemet
                index += 2
            default:
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Applies ``apply(to:quoteOpen:)`` to a single string.
    public static func apply(to text: String) -> String {
        var open = false
        return apply(to: text, quoteOpen: &open)
    }

    /// Applies the rules to every text node of `document` outside code, links and raw HTML;
    /// an open straight quote carries over between the text nodes of one paragraph or heading.
    /// The walk keeps its own stack (no recursion), so 100 000-deep lists cannot overflow the thread's.
    public static func apply(to document: MarkdownDocument) {
        // Each block that owns a quote state (paragraph, heading, table cell) gets a slot of `quoteOpen`;
        // nodes inside it share the slot. Children are pushed in reverse to visit them in document order.
        var quoteOpen = [false]
        var changed: [MarkdownNode: String] = [:]
        var pending: [(node: MarkdownNode, slot: Int)] = document.root.children.reversed().map { ($0, 0) }
        while let (node, slot) = pending.popLast() {
            switch node.kind {
            case .text:
                if let literal = node.literal {
                    let typeset = apply(to: literal, quoteOpen: &quoteOpen[slot])
                    if typeset != literal { changed[node] = typeset }
                }
            case .link, .code, .codeBlock, .htmlBlock, .htmlInline, .customBlock, .customInline:
                continue
            case .paragraph, .heading, .extension:
                quoteOpen.append(false)
                let own = quoteOpen.count - 1
                pending += node.children.reversed().map { ($0, own) }
            default:
                pending += node.children.reversed().map { ($0, slot) }
            }
        }
        guard !changed.isEmpty else { return }
        document.rewrite { node in changed[node].map(MarkdownEdit.setLiteral) ?? .keep }
    }

    /// Whether `mark` glued to the text before it needs a space: after a word (`33%`, `Oui!`), not in
    /// `13:06`, `http://` or `a?b` where a letter or digit follows.
    private static func needsSpaceBefore(_ mark: UInt8, after output: [UInt8], next: UInt8?) -> Bool {
        guard let previous = output.last else { return false }
        let previousIsDigit = previous >= 0x30 && previous <= 0x39
        let previousIsWord = previousIsDigit || (previous | 0x20 >= 0x61 && previous | 0x20 <= 0x7A) || previous >= 0x80
            || previous == UInt8(ascii: ")")
        let afterGuillemet = output.count >= 2 && output[output.count - 2] == 0xC2 && previous == 0xBB
        guard previousIsWord || afterGuillemet else { return false }
        if afterGuillemet == false, previous >= 0x80, output.count >= 2, output[output.count - 2] == 0xC2 { return false }
        let nextIsWord = next.map { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 >= 0x80 } ?? false
        switch mark {
        case percent: return previousIsDigit
        case colon: return next == nil || next == space || next == 0xC2
        default: return !nextIsWord
        }
    }

    private static func trimTrailingSpace(_ output: inout [UInt8]) {
        while true {
            if output.last == space {
                output.removeLast()
            } else if output.count >= 2, output[output.count - 2] == 0xC2, output[output.count - 1] == 0xA0 {
                output.removeLast(2)
            } else {
                return
            }
        }
    }
}
