import Foundation
import SVGPlot
import Yams

/// A chart spec written as an editor writes it in a chart file: its fields without those left at
/// their defaults (empty lists, `locale: fr`, default options), numbers as written (`33`, `18.5`),
/// lists of values on one line, quotes only where YAML needs them.
enum ChartSpecYAML {
    static func text(_ spec: ChartSpec) -> String? {
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: YAMLEncoder().encode(spec)),
              case .mapping(let defaults)? = try? Yams.compose(yaml: YAMLEncoder().encode(ChartOptions())) else { return nil }
        var lines: [String] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            switch (name, value) {
            case (_, .sequence(let items)) where items.isEmpty: continue
            case ("locale", _) where value.string == "fr": continue
            case ("unit", _) where value.string == "" || value.string == "none": continue
            case ("options", .mapping(let options)):
                let changed = options.filter { defaults[$0.key] != $0.value }
                guard !changed.isEmpty else { continue }
                lines.append("options:")
                lines += changed.map { "  \($0.key.string ?? ""): \(scalar($0.value))" }
            default:
                lines += write(name, value, indent: "")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ key: String, _ value: Node, indent: String) -> [String] {
        switch value {
        case .sequence(let items) where items.allSatisfy({ $0.scalar != nil }):
            return ["\(indent)\(key): [" + items.map(scalar).joined(separator: ", ") + "]"]
        case .sequence(let items):
            return ["\(indent)\(key):"] + items.flatMap { item -> [String] in
                guard case .mapping(let fields) = item else { return ["\(indent)  - \(scalar(item))"] }
                let written = fields.flatMap { write($0.key.string ?? "", $0.value, indent: indent + "    ") }
                return written.enumerated().map { index, line in index == 0 ? indent + "  - " + line.dropFirst(indent.count + 4) : line }
            }
        case .mapping(let fields):
            return ["\(indent)\(key):"] + fields.flatMap { write($0.key.string ?? "", $0.value, indent: indent + "  ") }
        default:
            return ["\(indent)\(key): \(scalar(value))"]
        }
    }

    /// A scalar as an editor writes it: numbers without exponent, text quoted only when needed.
    private static func scalar(_ node: Node) -> String {
        let text = node.string ?? ""
        if node.scalar?.style == .plain, let number = Double(text), text.contains(where: \.isNumber) {
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        }
        if ["true", "false"].contains(text) { return text }
        let special = text.isEmpty || text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || text.contains(",") || text.contains("[") || text.contains("]") || text.contains("{") || text.contains("}")
            || "-?:,[]{}#&*!|>'\"%@`".contains(text.first!) || Double(text) != nil || ["yes", "no", "null", "~"].contains(text.lowercased())
        guard special else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
