// cmark-gfm 0.29 keeps the special characters of inline extensions (`~`, `:`, `w`) in one global
// table. cmark_parser_finish() adds each attached extension's characters before parsing inlines
// and removes them afterwards, through cmark_manage_extensions_special_characters(), so a parse
// finishing on one thread removes them under a parse running on another: strikethrough and
// autolinks vanish at random. That function is exported and called through the PLT, so this
// definition, in the executable, takes its place (ELF symbol interposition): it does nothing,
// and the characters are added once, by gazette_cmark_pin_special_characters(), with the
// library's own function found by dlsym(RTLD_NEXT). The extensions' own lists stay as they are
// (cmark-gfm also reads them to find which extension owns a delimiter).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include "CmarkPinnedCharacters.h"

static int interposed_call_seen = 0;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  (void)parser;
  (void)add;
  interposed_call_seen = 1;
}

int gazette_cmark_pin_special_characters(const char *const *names, int count) {
  cmark_gfm_core_extensions_ensure_registered();
  void (*library_manage)(cmark_parser *, int) =
      (void (*)(cmark_parser *, int))dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
  if (library_manage == NULL || library_manage == cmark_manage_extensions_special_characters) return 0;
  cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (int i = 0; i < count; i++) {
    cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
    if (extension != NULL) cmark_parser_attach_syntax_extension(parser, extension);
  }
  library_manage(parser, 1);
  // Is the library's own call now ours? A parse must go through this file's definition.
  cmark_parser_feed(parser, "~~a~~", 5);
  cmark_node *document = cmark_parser_finish(parser);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return interposed_call_seen;
}
