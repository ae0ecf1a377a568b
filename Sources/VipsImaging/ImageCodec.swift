import CVips
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libvips as Gazette uses it: the size of a photo as shown, a check that it decodes, and its
/// variants (shrunk, cropped, re-encoded without metadata). Every call is safe from any thread.
public enum ImageCodec {
    /// A format variants are written in.
    public enum Format: String, Sendable, CaseIterable {
        case jpeg, png, webp, avif

        /// The extension of its files.
        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        /// Its media type, for `<source type>`.
        public var mediaType: String { "image/\(rawValue)" }

        fileprivate var code: gz_format {
            switch self {
            case .jpeg: GZ_FORMAT_JPEG
            case .png: GZ_FORMAT_PNG
            case .webp: GZ_FORMAT_WEBP
            case .avif: GZ_FORMAT_AVIF
            }
        }
    }

    /// What libvips said when it could not read or write an image.
    public struct Failure: Error, Sendable {
        public let message: String
    }

    /// libvips' version, part of what a variant's fingerprint is made of.
    public static let version: String = {
        _ = started
        return String(cString: gz_vips_version())
    }()

    private static let started: Bool = gz_vips_start() == 0

    /// The photo's size as shown (EXIF orientation applied) and its stored pixel count, from its
    /// header; then the whole file is decoded, small, so that a truncated or corrupt file fails here.
    public static func probe(_ bytes: [UInt8]) -> Result<(width: Int, height: Int, pixels: Double), Failure> {
        guard started else { return .failure(Failure(message: "libvips could not start")) }
        var width: Int32 = 0, height: Int32 = 0, pixels = 0.0
        let result = bytes.withUnsafeBytes { gz_image_probe($0.baseAddress, $0.count, &width, &height, &pixels) }
        guard result == 0 else { return .failure(Failure(message: String(cString: gz_last_error()))) }
        return .success((Int(width), Int(height), pixels))
    }

    /// Whether the whole photo decodes (a truncated or corrupt file does not); call after
    /// ``probe(_:)`` has checked its pixel count.
    public static func checkDecodes(_ bytes: [UInt8]) -> Failure? {
        let result = bytes.withUnsafeBytes { gz_image_check($0.baseAddress, $0.count) }
        return result == 0 ? nil : Failure(message: String(cString: gz_last_error()))
    }

    /// The SVG document `svg` drawn by librsvg into a PNG without metadata.
    public static func png(fromSVG svg: [UInt8]) -> Result<[UInt8], Failure> {
        made { output, length in svg.withUnsafeBytes { gz_svg_to_png($0.baseAddress, $0.count, &output, &length) } }
    }

    /// Makes fontconfig read the configuration file at `path` (the fonts SVG text is drawn with),
    /// not the machine's; call before the first ``png(fromSVG:)``.
    public static func useFontConfiguration(at path: String) {
        setenv("FONTCONFIG_FILE", path, 1)
    }

    /// The photo `bytes` made `width` pixels wide at most, or when `crop` is given cut to that
    /// width and height's ratio around its focal point (fractions of the width and height) and
    /// made that size at most; in `format` at `quality`, with no metadata left.
    public static func variant(of bytes: [UInt8], width: Int, crop: (width: Int, height: Int, focus: (x: Double, y: Double))? = nil,
                        format: Format, quality: Int) -> Result<[UInt8], Failure> {
        made { output, length in
            bytes.withUnsafeBytes {
                gz_image_variant($0.baseAddress, $0.count, Int32(width), Int32(crop?.width ?? 0), Int32(crop?.height ?? 0),
                                 crop?.focus.x ?? 0.5, crop?.focus.y ?? 0.5, format.code, Int32(quality), &output, &length)
            }
        }
    }

    /// The bytes a shim call that makes a file hands back (`call` returns 0 and sets them), copied
    /// and freed; or libvips' message.
    private static func made(_ call: (inout UnsafeMutableRawPointer?, inout Int) -> Int32) -> Result<[UInt8], Failure> {
        guard started else { return .failure(Failure(message: "libvips could not start")) }
        var output: UnsafeMutableRawPointer?
        var length = 0
        guard call(&output, &length) == 0, let output else { return .failure(Failure(message: String(cString: gz_last_error()))) }
        defer { gz_free(output) }
        return .success(Array(UnsafeRawBufferPointer(start: output, count: length)))
    }
}
