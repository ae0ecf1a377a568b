#ifndef CMARK_PINNED_CHARACTERS_H
#define CMARK_PINNED_CHARACTERS_H

/// Registers cmark-gfm's core extensions and adds the special characters of the `count` named
/// ones to its global table for the life of the process, so that parses on several threads never
/// edit it. Returns 1 when cmark-gfm's own edits are now disabled (parses need no lock), 0 when
/// they could not be (the caller must then keep parses apart). Call it once.
int gazette_cmark_pin_special_characters(const char *const *names, int count);

#endif
