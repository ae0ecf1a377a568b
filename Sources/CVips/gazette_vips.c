// The libvips calls Gazette makes, behind plain C functions (see include/gazette_vips.h).

#include "gazette_vips.h"
#include <vips/vips.h>
#include <math.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static __thread char last_error[1024];

/// Keeps libvips' message for gz_last_error and clears libvips' buffer.
static int failed(void) {
    char *message = vips_error_buffer_copy();
    strncpy(last_error, message && *message ? message : "libvips could not read or write the image", sizeof last_error - 1);
    last_error[sizeof last_error - 1] = 0;
    size_t end = strlen(last_error);
    while (end > 0 && (last_error[end - 1] == '\n' || last_error[end - 1] == ' ')) last_error[--end] = 0;
    g_free(message);
    return -1;
}

const char *gz_last_error(void) { return last_error; }

/// libvips' warnings (a tile it could not decode, a colour profile it skipped) would be printed on
/// the build's output; what matters of them comes back as errors of the calls.
static void ignore_warning(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

int gz_vips_start(void) {
    static gsize once = 0;
    static int started = -1;
    if (g_once_init_enter(&once)) {
        started = vips_init("gazette");
        g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, ignore_warning, NULL);
        if (started == 0) {
            vips_cache_set_max(0);
            vips_cache_set_max_mem(0);
            vips_cache_set_max_files(0);
            // Gazette makes several variants at once, one per core; one thread each keeps the
            // build's memory to a few variants' worth.
            vips_concurrency_set(1);
        }
        g_once_init_leave(&once, 1);
    }
    return started;
}

const char *gz_vips_version(void) { return vips_version_string(); }

/// The image's size as shown: orientations 5 to 8 turn it a quarter.
static void shown_size(VipsImage *image, int *width, int *height) {
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION)) vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation);
    int turned = orientation >= 5 && orientation <= 8;
    *width = turned ? vips_image_get_height(image) : vips_image_get_width(image);
    *height = turned ? vips_image_get_width(image) : vips_image_get_height(image);
}

int gz_image_probe(const void *data, size_t length, int *width, int *height, double *pixels) {
    VipsImage *image = vips_image_new_from_buffer(data, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return failed();
    shown_size(image, width, height);
    *pixels = (double)vips_image_get_width(image) * (double)vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

int gz_image_check(const void *data, size_t length) {
    VipsImage *image = NULL;
    if (vips_thumbnail_buffer((void *)data, length, &image, 64, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                              "option_string", "fail_on=truncated", NULL))
        return failed();
    double average;
    int result = vips_avg(image, &average, NULL);
    g_object_unref(image);
    return result ? failed() : 0;
}

/// Replaces *image by the result of an operation (or keeps it and fails).
static int step(VipsImage **image, int result, VipsImage *made) {
    if (result) return failed();
    g_object_unref(*image);
    *image = made;
    return 0;
}

/// A copy of *image without any metadata (EXIF with its GPS position and camera serial, XMP, IPTC,
/// ICC, comments): `strip` alone leaves EXIF in libvips 8.14's WebP.
static int without_metadata(VipsImage **image) {
    VipsImage *copy = NULL;
    if (vips_copy(*image, &copy, NULL)) return failed();
    gchar **fields = vips_image_get_fields(copy);
    for (gchar **field = fields; *field; field++) vips_image_remove(copy, *field);
    g_strfreev(fields);
    g_object_unref(*image);
    *image = copy;
    return 0;
}

int gz_image_variant(const void *data, size_t length, int width, int crop_width, int crop_height,
                     double focus_x, double focus_y, gz_format format, int quality,
                     void **output, size_t *output_length) {
    int shown_width, shown_height;
    double pixels;
    if (gz_image_probe(data, length, &shown_width, &shown_height, &pixels)) return -1;
    int target = width;
    double box_width = shown_width, box_height = shown_height;
    if (crop_width > 0 && crop_height > 0) {
        double ratio = (double)crop_width / crop_height;
        if (box_width / box_height > ratio) box_width = box_height * ratio; else box_height = box_width / ratio;
        target = crop_width;
    }
    // Never enlarged: the box is made `target` wide at most.
    double scale = fmin(1.0, target / box_width);
    int shrunk_width = (int)lround(shown_width * scale);
    if (shrunk_width < 1) shrunk_width = 1;
    VipsImage *image = NULL, *made = NULL;
    // Shrinks on load where the format allows it (JPEG), turns by the EXIF orientation, converts
    // to sRGB through the embedded ICC profile when there is one.
    if (vips_thumbnail_buffer((void *)data, length, &image, shrunk_width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL))
        return failed();
    VipsInterpretation interpretation = vips_image_get_interpretation(image);
    if (interpretation == VIPS_INTERPRETATION_RGB16 || interpretation == VIPS_INTERPRETATION_CMYK || interpretation == VIPS_INTERPRETATION_LAB) {
        if (step(&image, vips_colourspace(image, &made, VIPS_INTERPRETATION_sRGB, NULL), made)) goto fail;
    } else if (interpretation == VIPS_INTERPRETATION_GREY16) {
        if (step(&image, vips_colourspace(image, &made, VIPS_INTERPRETATION_B_W, NULL), made)) goto fail;
    }
    if (vips_image_get_format(image) != VIPS_FORMAT_UCHAR) {
        if (step(&image, vips_cast_uchar(image, &made, NULL), made)) goto fail;
    }
    if (crop_width > 0 && crop_height > 0) {
        int full_width = vips_image_get_width(image), full_height = vips_image_get_height(image);
        int cut_width = (int)lround(box_width * scale), cut_height = (int)lround(box_height * scale);
        if (cut_width > full_width) cut_width = full_width;
        if (cut_height > full_height) cut_height = full_height;
        if (cut_width < 1) cut_width = 1;
        if (cut_height < 1) cut_height = 1;
        int left = (int)lround(focus_x * full_width - cut_width / 2.0);
        int top = (int)lround(focus_y * full_height - cut_height / 2.0);
        left = left < 0 ? 0 : (left > full_width - cut_width ? full_width - cut_width : left);
        top = top < 0 ? 0 : (top > full_height - cut_height ? full_height - cut_height : top);
        if (step(&image, vips_crop(image, &made, left, top, cut_width, cut_height, NULL), made)) goto fail;
    }
    if (format == GZ_FORMAT_JPEG && vips_image_hasalpha(image)) {
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        int result = vips_flatten(image, &made, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        if (step(&image, result, made)) goto fail;
    }
    if (without_metadata(&image)) goto fail;
    int result;
    switch (format) {
    case GZ_FORMAT_JPEG:
        result = vips_jpegsave_buffer(image, output, output_length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                      "interlace", TRUE, NULL);
        break;
    case GZ_FORMAT_PNG:
        result = vips_pngsave_buffer(image, output, output_length, "strip", TRUE, "compression", 9, NULL);
        break;
    case GZ_FORMAT_WEBP:
        result = vips_webpsave_buffer(image, output, output_length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
        break;
    case GZ_FORMAT_AVIF:
        result = vips_heifsave_buffer(image, output, output_length, "Q", quality, "strip", TRUE,
                                      "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 4, NULL);
        break;
    default:
        result = -1;
    }
    if (result) goto fail;
    g_object_unref(image);
#ifdef __GLIBC__
    // Hand the decoded pixels' memory back to the system now: glibc keeps freed blocks in each
    // thread's arena, and a build's peak memory grew with every photo.
    malloc_trim(0);
#endif
    return 0;
fail:
    if (image) g_object_unref(image);
    return failed();
}

int gz_svg_to_png(const void *svg, size_t length, void **output, size_t *output_length) {
    VipsImage *image = NULL;
    if (vips_svgload_buffer((void *)svg, length, &image, NULL)) return failed();
    if (without_metadata(&image)) goto fail;
    if (vips_pngsave_buffer(image, output, output_length, "strip", TRUE, "compression", 6, NULL)) goto fail;
    g_object_unref(image);
    return 0;
fail:
    if (image) g_object_unref(image);
    return failed();
}

void gz_free(void *output) { g_free(output); }
