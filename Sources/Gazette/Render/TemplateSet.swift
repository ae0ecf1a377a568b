import Wording
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Mustache
import SVGPlot

/// The Mustache templates of `Templates/`, parsed, plus the static assets that ship beside them.
struct TemplateSet: Sendable {
    /// Templates every site needs: the base the page templates extend, one per kind of page, and
    /// the SVG of the social cards (``SocialCard``).
    public static let requiredNames = ["base"] + PageTemplate.allCases.map(\.rawValue) + [SocialCard.template]

    let library: MustacheLibrary
    /// Files of `Templates/assets/`, by path below the site root (`assets/style.css`).
    public let assets: [String: Data]
    /// The font files of `Templates/fonts/` (the social cards' text), by path on disk, and the
    /// hash of their bytes: the cards are drawn with these fonts alone.
    let fonts: (folder: String, hash: ContentHash?)
    /// Each template's file as shown (`Templates/social-card.mustache`), for diagnostics.
    let files: [String: String]
    /// The `id`s that templates write as fixed text (`<main id="contenu">`): heading ids avoid them.
    public let fixedIDs: Set<String>
    /// For each template, the hash of its text and of every partial and parent it reaches: what
    /// a page made with it depends on (``PageFingerprints``).
    let fingerprints: [String: ContentHash]

    /// Loads every `*.mustache` file below `directory` (named by relative path without extension)
    /// and every file of `directory/assets`; problems are configuration diagnostics.
    public static func load(from directory: String) -> (TemplateSet?, [Diagnostic]) {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var fontBytes: [String: Data] = [:]
        var names: Set<String> = []
        var sources: [String: (text: String, shown: String)] = [:]
        let shown = directory.hasSuffix("/") ? directory : directory + "/"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            return (nil, [.error(.templatesNotFound, "templates folder not found", at: SourceLocation(file: directory, line: 1, column: 1), domain: .configuration)])
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
                diagnostics.append(.error(.symlinkRefused, "symbolic links are refused in the templates folder; copy the file instead",
                                          at: location, domain: .configuration))
                continue
            default:
                diagnostics.append(.error(.unreadableFile, "not a regular file; refused", at: location, domain: .configuration))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error(.unreadableFile, "cannot read template file", at: location, domain: .configuration))
                continue
            }
            if relative.hasPrefix("assets/") {
                assets[relative] = data
                continue
            }
            if relative.hasPrefix("fonts/") {
                fontBytes[relative] = data
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.error(.notUTF8, "template is not valid UTF-8", at: location, domain: .configuration))
                continue
            }
            do {
                _ = Self.registerEscaping
                try library.register(Self.escapingPragma + text, named: name)
                names.insert(name)
                sources[name] = (text, shown + relative)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? Self.escapingPragma.count : 0)
                let at = SourceLocation(file: shown + relative, line: line, column: max(1, column))
                diagnostics.append(.error(.templateSyntax, "template syntax: \(error.error)", at: at, domain: .configuration))
            } catch {
                diagnostics.append(.error(.templateSyntax, "template syntax: \(error)", at: location, domain: .configuration))
            }
        }
        for name in requiredNames where !names.contains(name) && !diagnostics.contains(where: { $0.location.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error(.templateMissing, "required template '\(name).mustache' is missing",
                                      at: SourceLocation(file: shown + name + ".mustache", line: 1, column: 1), domain: .configuration))
        }
        diagnostics += referenceProblems(sources)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let fixedIDs = Set(sources.values.flatMap { TemplateReferences.fixedIDs(in: $0.text) })
        let texts = sources.mapValues(\.text)
        let fingerprints = Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, fingerprint(of: $0, among: texts)) })
        var fontHash = Fingerprint()
        for (path, data) in fontBytes.sorted(by: { $0.key < $1.key }) {
            fontHash.add(path)
            fontHash.add(ContentHash(of: data))
        }
        return (TemplateSet(library: library, assets: assets, fonts: (root.appendingPathComponent("fonts").path, fontBytes.isEmpty ? nil : fontHash.hash),
                            files: sources.mapValues(\.shown), fixedIDs: fixedIDs, fingerprints: fingerprints), diagnostics)
    }

    /// The hash of template `name` and of every template it includes or extends, directly or not.
    private static func fingerprint(of name: String, among texts: [String: String]) -> ContentHash {
        var reached: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            for reference in TemplateReferences.scan(texts[next] ?? "") where reference.kind == .partial || reference.kind == .parent {
                if reached.insert(reference.name).inserted { pending.append(reference.name) }
            }
        }
        var fingerprint = Fingerprint()
        for reachedName in reached.sorted() {
            fingerprint.add(reachedName)
            fingerprint.add(texts[reachedName] ?? "")
        }
        return fingerprint.hash
    }

    /// Partials and parents that do not exist, and templates that include or extend themselves
    /// (directly or through others): swift-mustache would render nothing or recurse until the stack
    /// overflows. Cycles are refused even under a section, since the site's templates never need one.
    static func referenceProblems(_ sources: [String: (text: String, shown: String)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edges: [String: [(target: String, location: SourceLocation)]] = [:]
        for (name, source) in sources {
            var open: [(kind: TemplateReferences.Reference.Kind, name: String)] = []
            for reference in TemplateReferences.scan(source.text) {
                let location = SourceLocation(file: source.shown, line: reference.line, column: reference.column)
                switch reference.kind {
                case .close:
                    if let index = open.lastIndex(where: { $0.name == reference.name }) { open.removeSubrange(index...) }
                    continue
                case .block where open.contains(where: { $0.kind == .block && $0.name == reference.name }):
                    diagnostics.append(.error(.templateRecursion, "block '\(reference.name)' is opened again inside itself, which never ends; close the first one before",
                                              at: location, domain: .configuration))
                    open.append((reference.kind, reference.name))
                    continue
                case .block, .section, .invertedSection:
                    open.append((reference.kind, reference.name))
                    continue
                case .parent:
                    open.append((reference.kind, reference.name))
                case .partial:
                    break
                }
                let what: Phrase = reference.kind == .parent ? "parent template" : "partial"
                guard sources[reference.name] != nil else {
                    let hint = Suggestion.hint(for: reference.name, among: sources.keys)
                    diagnostics.append(.error(.templateReference, "\(what) '\(reference.name)' not found: no \(reference.name).mustache in the templates folder\(hint)",
                                              at: location, domain: .configuration))
                    continue
                }
                edges[name, default: []].append((reference.name, location))
            }
        }
        // Depth-first search with an explicit stack; an edge back to a template on the current path closes a cycle.
        enum State { case onPath, done }
        var state: [String: State] = [:]
        for start in sources.keys.sorted() where state[start] == nil {
            var path: [(name: String, next: Int)] = [(start, 0)]
            state[start] = .onPath
            while let top = path.last {
                let outgoing = edges[top.name] ?? []
                guard top.next < outgoing.count else {
                    state[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let edge = outgoing[top.next]
                switch state[edge.target] {
                case .onPath?:
                    let cycle = path.map(\.name).drop { $0 != edge.target } + [edge.target]
                    diagnostics.append(.error(.templateRecursion, "templates include or extend each other without end (\(cycle.joined(separator: " → "))); remove this reference",
                                              at: edge.location, domain: .configuration))
                case .done?: continue
                case nil:
                    state[edge.target] = .onPath
                    path.append((edge.target, 0))
                }
            }
        }
        return diagnostics
    }

    /// swift-mustache escapes each `{{value}}` one Character at a time through a dictionary (a
    /// sixth of a build's instructions under callgrind); this content type escapes the same five
    /// characters the same way over UTF-8 bytes. Every template starts with the pragma that selects
    /// it, prepended on its first line so that line numbers stay those of the file.
    private static let escapingPragma = "{{% CONTENT_TYPE: GAZETTE_HTML }}"
    private static let registerEscaping: Void = MustacheContentTypes.register(ByteHTMLEscaping(), named: "GAZETTE_HTML")

    private struct ByteHTMLEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkupEscaping.escape(text) }
    }

    /// The SVG of a social card.
    func render(_ card: SocialCard.Model) -> String {
        library.render(card, withTemplate: SocialCard.template) ?? ""
    }

    /// Renders the page `model` with its kind's `template`.
    func render(_ model: PageModel, with template: PageTemplate) -> String {
        library.render(model, withTemplate: template.rawValue) ?? ""
    }
}
