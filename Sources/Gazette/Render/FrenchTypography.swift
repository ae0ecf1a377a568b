import Markdown

/// French typographic spacing and quotes for running text (never code, URLs or attributes).
public enum FrenchTypography {
    static let noBreakSpace: Character = "\u{00A0}"
    static let narrowNoBreakSpace: Character = "\u{202F}"

    /// Puts a no-break space before `: ; ! ? %` and inside « », and turns straight double quotes into « ».
    ///
    /// `quoteOpen` carries whether a straight quote is open across text fragments of one block.
    public static func apply(to text: String, quoteOpen: inout Bool) -> String {
        var output: [Character] = []
        output.reserveCapacity(text.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case ":", ";", "!", "?", "%":
                let isPunctuationRun = index > 0 && "!?".contains(characters[index - 1]) && character != "%"
                if let last = output.last, last == " " {
                    output[output.count - 1] = noBreakSpace
                } else if let last = output.last, !isPunctuationRun, needsSpaceBefore(character, after: last, next: characters.dropFirst(index + 1).first) {
                    output.append(noBreakSpace)
                }
                output.append(character)
            case "\"":
                if quoteOpen {
                    trimTrailingSpace(&output)
                    output.append(noBreakSpace)
                    output.append("»")
                } else {
                    output.append("«")
                    output.append(noBreakSpace)
                }
                quoteOpen.toggle()
            case "«":
                output.append("«")
                if index + 1 < characters.count, characters[index + 1] == " " || characters[index + 1] == noBreakSpace {
                    continue
                }
                output.append(noBreakSpace)
            case "»":
                trimTrailingSpace(&output)
                output.append(noBreakSpace)
                output.append("»")
            case " " where output.last == "«":
                output[output.count - 1] = "«"
                output.append(noBreakSpace)
            default:
                output.append(character)
            }
        }
        return String(output)
    }

    /// Applies ``apply(to:quoteOpen:)`` to a single string.
    public static func apply(to text: String) -> String {
        var open = false
        return apply(to: text, quoteOpen: &open)
    }

    /// Applies the rules to every text node of `document` outside code, links and raw HTML.
    public static func apply(to document: MarkdownDocument) {
        var quoteOpen = false
        var currentBlock: MarkdownNode?
        for node in document.root.descendants(ofKind: .text) {
            guard !isInsideLink(node) else { continue }
            let block = enclosingBlock(of: node)
            if block != currentBlock {
                quoteOpen = false
                currentBlock = block
            }
            if let literal = node.literal {
                node.literal = apply(to: literal, quoteOpen: &quoteOpen)
            }
        }
    }

    private static func needsSpaceBefore(_ mark: Character, after previous: Character, next: Character?) -> Bool {
        guard previous.isLetter || previous.isNumber || previous == "»" || previous == ")" else { return false }
        switch mark {
        case "%": return previous.isNumber
        case ":": return next == nil || next == " " || next == noBreakSpace
        default: return next == nil || !(next!.isLetter || next!.isNumber)
        }
    }

    private static func trimTrailingSpace(_ output: inout [Character]) {
        while let last = output.last, last == " " || last == noBreakSpace { output.removeLast() }
    }

    private static func isInsideLink(_ node: MarkdownNode) -> Bool {
        var current = node.parent
        while let ancestor = current {
            if ancestor.kind == .link { return true }
            current = ancestor.parent
        }
        return false
    }

    private static func enclosingBlock(of node: MarkdownNode) -> MarkdownNode? {
        var current = node.parent
        while let ancestor = current {
            switch ancestor.kind {
            case .paragraph, .heading, .extension: return ancestor
            default: current = ancestor.parent
            }
        }
        return nil
    }
}
