import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Mustache

/// The Mustache templates of `Templates/`, parsed, plus the static assets that ship beside them.
public struct TemplateSet: Sendable {
    /// Templates every site needs.
    public static let requiredNames = ["base", "home", "article", "page", "tag", "tags", "year", "archives", "404"]

    let library: MustacheLibrary
    /// Files of `Templates/assets/`, by path below the site root (`assets/style.css`).
    public let assets: [String: Data]

    /// Loads every `*.mustache` file below `directory` (named by relative path without extension)
    /// and every file of `directory/assets`; problems are configuration diagnostics.
    public static func load(from directory: String) -> (TemplateSet?, [Diagnostic]) {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var names: Set<String> = []
        let shown = directory.hasSuffix("/") ? directory : directory + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            return (nil, [.error("templates folder not found", at: SourceLocation(file: directory, line: 1, column: 1), domain: .configuration)])
        }
        for case let relative as String in enumerator {
            let path = root.appendingPathComponent(relative).path
            let location = SourceLocation(file: shown + relative, line: 1, column: 1)
            var info = stat()
            guard lstat(path, &info) == 0, !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG: break
            case S_IFLNK:
                // A link could publish any file the build can read (`/proc/self/environ`, a mode-600 secret).
                diagnostics.append(.error("symbolic links are refused in the templates folder; copy the file instead",
                                          at: location, domain: .configuration))
                continue
            default:
                diagnostics.append(.error("not a regular file; refused", at: location, domain: .configuration))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("cannot read template file", at: location, domain: .configuration))
                continue
            }
            if relative.hasPrefix("assets/") {
                assets[relative] = data
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.error("template is not valid UTF-8", at: location, domain: .configuration))
                continue
            }
            do {
                try library.register(text, named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                let at = SourceLocation(file: shown + relative, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(.error("template syntax: \(error.error)", at: at, domain: .configuration))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: location, domain: .configuration))
            }
        }
        for name in requiredNames where !names.contains(name) && !diagnostics.contains(where: { $0.location.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error("required template '\(name).mustache' is missing",
                                      at: SourceLocation(file: shown + name + ".mustache", line: 1, column: 1), domain: .configuration))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (TemplateSet(library: library, assets: assets), diagnostics)
    }

    /// Renders `context` with the template `name`.
    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
