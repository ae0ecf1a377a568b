#ifndef CMARK_PINNED_CHARACTERS_H
#define CMARK_PINNED_CHARACTERS_H

/// Adds the special characters of the core inline extensions (strikethrough, autolink) to
/// cmark-gfm's global table for the life of the process, so that parses on several threads
/// never edit it. Returns 1 when cmark-gfm's own edits are now disabled (parses need no
/// lock), 0 when they could not be (the caller must then keep parses apart).
int gazette_cmark_pin_special_characters(void);

#endif
