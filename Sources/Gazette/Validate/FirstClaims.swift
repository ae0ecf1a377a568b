import Wording
/// Where each key of one kind (chart ids, board ids, legacy ids, slugs) was first claimed: a second
/// claim of a key is refused with a located error and a note at the first.
struct FirstClaims {
    /// The place of each key's first claim.
    private(set) var places: [String: SourceLocation] = [:]
    private let code: DiagnosticCode
    private let note: Phrase

    /// Claims refused with `code`, their note at the first claim saying `note`.
    init(code: DiagnosticCode, note: Phrase) {
        self.code = code
        self.note = note
    }

    /// Claims `key` at `location`: true the first time; afterwards false, with the error
    /// `refusal(first claim's place)` added to `diagnostics`.
    mutating func claim(_ key: String, at location: SourceLocation, diagnostics: inout [Diagnostic],
                        refusal: (SourceLocation) -> Phrase) -> Bool {
        if let first = places[key] {
            diagnostics.append(.error(code, refusal(first), at: location, notes: [.init(note, at: first)]))
            return false
        }
        places[key] = location
        return true
    }
}
