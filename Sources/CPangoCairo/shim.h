/* The C surface Mawjaz uses: cairo (PDF, PNG, SVG), Pango with its cairo and fontconfig back ends, zlib (to read
 * the compressed streams of the PDF cairo wrote, and to compress the ones kept as cairo would have) and libdeflate (to
 * compress the streams the PDF amendment rewrites).
 * Function-like macros and GObject casts do not import into Swift; the inline helpers below stand in. */
#ifndef MAWJAZ_CPANGOCAIRO_SHIM_H
#define MAWJAZ_CPANGOCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo-ft.h>
#include FT_TRUETYPE_TABLES_H
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <zlib.h>
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* A Pango font map as the fontconfig font map it is (pango_cairo_font_map_new returns one on Linux). */
static inline PangoFcFontMap *mawjaz_fc_font_map(PangoFontMap *map) { return (PangoFcFontMap *)map; }

/* A Pango font map as the cairo font map it is. */
static inline PangoCairoFontMap *mawjaz_cairo_font_map(PangoFontMap *map) { return (PangoCairoFontMap *)map; }

/* The cairo scaled font behind a Pango font loaded from a cairo font map. */
static inline cairo_scaled_font_t *mawjaz_scaled_font(PangoFont *font) {
    return pango_cairo_font_get_scaled_font((PangoCairoFont *)font);
}

/* The fontconfig pattern that selected a Pango font (owned by the font). */
static inline FcPattern *mawjaz_font_pattern(PangoFont *font) {
    return pango_fc_font_get_pattern((PangoFcFont *)font);
}

static inline void mawjaz_object_ref(void *object) { g_object_ref(object); }
static inline void mawjaz_object_unref(void *object) { g_object_unref(object); }

/* The glyph runs of a layout line, in visual order (a GSList of PangoGlyphItem). */
static inline GSList *mawjaz_line_runs(PangoLayoutLine *line) { return line->runs; }
static inline PangoGlyphItem *mawjaz_run_at(GSList *node) { return (PangoGlyphItem *)node->data; }
static inline GSList *mawjaz_next_run(GSList *node) { return node->next; }

/* A fontconfig string property of a pattern, or NULL. */
static inline const char *mawjaz_pattern_string(FcPattern *pattern, const char *object) {
    FcChar8 *value = NULL;
    return FcPatternGetString(pattern, object, 0, &value) == FcResultMatch ? (const char *)value : NULL;
}

/* Pango's flag marking a glyph that no font has (the glyph then stands for a character). */
static inline unsigned int mawjaz_glyph_unknown_flag(void) { return PANGO_GLYPH_UNKNOWN_FLAG; }
static inline unsigned int mawjaz_glyph_empty(void) { return PANGO_GLYPH_EMPTY; }

/* Gives the pages of memory malloc holds free back to the system (glibc's malloc_trim); elsewhere nothing. */
static inline void mawjaz_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* For a process that makes many documents: malloc keeps the memory a document frees for the next one, large blocks
 * coming from its heap rather than from mappings of their own (under 4 MiB) and the heap's free top given back to the
 * system only past 8 MiB (glibc's thresholds, fixed; glibc otherwise moves them with the blocks freed); elsewhere
 * nothing. */
static inline void mawjaz_keep_free_memory(void) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
}

/* Bytes cairo writes in memory: `count` bytes at `start`, with room for `capacity`, grown with realloc. */
typedef struct {
    unsigned char *start;
    size_t count;
    size_t capacity;
} mawjaz_byte_block;

/* Appends `length` bytes to `block` when it has no room for them: gives it room for twice what it will then hold, 16 KiB
 * at least (cairo writes a PDF a few dozen bytes at a time, and a large piece such as a font would otherwise leave
 * none); 0 (nothing appended) without memory for them. Out of line, so that the common case below saves no registers. */
__attribute__((noinline, cold)) static int mawjaz_byte_block_grow_append(mawjaz_byte_block *block, const unsigned char *data,
                                                                          size_t length) {
    size_t wanted = 2 * (block->count + length);
    if (wanted < (16 << 10)) wanted = 16 << 10;
    unsigned char *grown = realloc(block->start, wanted);
    if (grown == NULL) return 0;
    block->start = grown;
    block->capacity = wanted;
    memcpy(block->start + block->count, data, length);
    block->count += length;
    return 1;
}

/* Appends `length` bytes to `block`; 0 (nothing appended) without memory for them. */
static inline int mawjaz_byte_block_append(mawjaz_byte_block *block, const unsigned char *data, size_t length) {
    if (length == 0) return 1;
    if (block->capacity - block->count < length) return mawjaz_byte_block_grow_append(block, data, length);
    unsigned char *end = block->start + block->count;
    block->count += length;
    memcpy(end, data, length);
    return 1;
}

/* The write function cairo calls with each piece of output, `closure` a mawjaz_byte_block: in C because cairo calls
 * it some 20,000 times for a 3-page PDF whose content streams it leaves uncompressed, and a call into Swift (the sink
 * looked up, retained and released) cost about 150 instructions with the copy; this one, its growth out of line, about
 * 30 besides the copy. */
static inline cairo_status_t mawjaz_byte_block_write(void *closure, const unsigned char *data, unsigned int length) {
    if (closure == NULL || (data == NULL && length > 0)) return CAIRO_STATUS_WRITE_ERROR;
    return mawjaz_byte_block_append((mawjaz_byte_block *)closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                                                  : CAIRO_STATUS_NO_MEMORY;
}

#endif
