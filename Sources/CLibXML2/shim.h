// libxml2's HTML parser and serializer (Debian libxml2-dev, pkg-config libxml-2.0), used by
// HTMLSanitizer to read raw HTML the way a browser would before filtering it.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
