#ifndef GAZETTE_VIPS_H
#define GAZETTE_VIPS_H
// What Gazette asks of libvips, as plain C calls (libvips' own are variadic, which Swift cannot
// call). No libvips or glib type appears here, so Swift files never see those headers.

#include <stddef.h>

/// Output formats of an image variant.
typedef enum { GZ_FORMAT_JPEG = 0, GZ_FORMAT_PNG = 1, GZ_FORMAT_WEBP = 2, GZ_FORMAT_AVIF = 3 } gz_format;

/// Starts libvips once per process (its operation cache off, so memory follows the images being
/// made); 0 on success.
int gz_vips_start(void);

/// libvips' version, e.g. "8.14.1".
const char *gz_vips_version(void);

/// The size of the image in `data` as it is shown (EXIF orientation applied) and its pixel count
/// as stored, read from its header only; 0 on success, -1 when libvips cannot read it.
int gz_image_probe(const void *data, size_t length, int *width, int *height, double *pixels);

/// Decodes the whole image, shrunk on load where the format allows, failing on a truncated or
/// corrupt file; 0 when it decodes.
int gz_image_check(const void *data, size_t length);

/// One variant of the image in `data`: EXIF orientation applied, colour converted to sRGB,
/// shrunk to `width` pixels wide (never enlarged); when `crop_width` and `crop_height` are set,
/// first cut to that ratio around the focal point (`focus_x`, `focus_y`, fractions of the width and
/// height) and made `crop_width` wide at most. Every metadata block is removed (EXIF with GPS,
/// XMP, IPTC, ICC). An alpha channel is laid on white for JPEG. On success returns 0 and sets
/// `*output` (free it with `gz_free`) and `*output_length`; on failure -1.
int gz_image_variant(const void *data, size_t length, int width, int crop_width, int crop_height,
                     double focus_x, double focus_y, gz_format format, int quality,
                     void **output, size_t *output_length);

/// Draws the SVG document `svg` (librsvg, its text with the fonts fontconfig finds) into a PNG
/// without metadata; 0 on success, with `*output` and `*output_length` set as for a variant.
int gz_svg_to_png(const void *svg, size_t length, void **output, size_t *output_length);

/// Frees a variant's bytes.
void gz_free(void *output);

/// The last error of this thread's libvips calls, as libvips wrote it (then cleared); never NULL.
const char *gz_last_error(void);

#endif
