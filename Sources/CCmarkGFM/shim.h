// The two public headers of cmark-gfm that the Markdown module uses.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
