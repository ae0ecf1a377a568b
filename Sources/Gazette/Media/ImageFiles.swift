import Foundation
import Synchronization
import VipsImaging

/// Makes the image files of a site map: each photo variant encoded by libvips, GIFs and SVGs
/// copied. In an incremental build a variant whose image, settings and libvips are unchanged is
/// kept from the previous build (its fingerprint is the same), so a build in which no image
/// changed encodes nothing.
struct ImageFiles: Sendable {
    let files: [SiteMap.ImageFile]
    let settings: ImageSettings
    /// The hash of each image's bytes, by its path on disk (incremental builds; empty otherwise).
    let inputs: [String: ContentHash]

    /// Encodes or copies every file not kept and hands each to `emit`, several at once: the
    /// problems (errors located at the image's file) and how many variants were encoded.
    func write(keep: (@Sendable (String, ContentHash) -> Bool)?, emit: @Sendable (OutputFile) -> Void) -> (problems: [Diagnostic], made: Int) {
        let problems = Mutex<[Diagnostic]>([])
        let made = Atomic<Int>(0)
        parallelForEach(files) { file in
            guard let variant = file.variant else {
                if let data = FileManager.default.contents(atPath: file.image.source) { emit(OutputFile(path: file.path, contents: data)) }
                return
            }
            let fingerprint = keep == nil ? nil : self.fingerprint(of: variant, from: file.image)
            if let fingerprint, keep?(variant.path, fingerprint) == true { return }
            guard let data = FileManager.default.contents(atPath: file.image.source) else {
                problems.withLock { $0.append(.error(.unreadableFile, "image \(file.image.path) cannot be read", at: Self.location(of: file.image))) }
                return
            }
            switch ImageCodec.variant(of: [UInt8](data), width: variant.width,
                                      crop: variant.crop.map { _ in (width: variant.width, height: variant.height, focus: (x: variant.focus?.x ?? 0.5, y: variant.focus?.y ?? 0.5)) },
                                      format: variant.format, quality: quality(of: variant.format)) {
            case .success(let bytes):
                made.add(1, ordering: .relaxed)
                emit(OutputFile(path: variant.path, contents: Data(bytes), fingerprint: fingerprint))
            case .failure(let failure):
                problems.withLock {
                    $0.append(.error(.invalidImage, "image \(file.image.path) could not be made \(variant.width) pixels wide in \(variant.format.rawValue.uppercased()): \(failure.message)",
                                     at: Self.location(of: file.image)))
                }
            }
        }
        return (problems.withLock { $0 }.sorted { $0.message < $1.message }, made.load(ordering: .relaxed))
    }

    /// The quality `format` is encoded at.
    private func quality(of format: ImageCodec.Format) -> Int {
        switch format {
        case .jpeg: settings.jpegQuality
        case .webp: settings.webpQuality
        case .avif: settings.avifQuality
        case .png: 100
        }
    }

    /// What a variant is made from: its image's bytes, its size, shape and format, the quality,
    /// and libvips' version; nil when the image's bytes have no hash.
    private func fingerprint(of variant: ImageVariant, from image: PlacedImage) -> ContentHash? {
        guard let source = inputs[image.source] else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(source)
        fingerprint.add("\(variant.path) \(variant.width)×\(variant.height) \(variant.format.rawValue) \(variant.crop?.rawValue ?? "whole")")
        fingerprint.add(quality(of: variant.format))
        fingerprint.add(ImageCodec.version)
        return fingerprint.hash
    }

    private static func location(of image: PlacedImage) -> SourceLocation {
        SourceLocation(file: image.source, line: 1, column: 1)
    }
}
