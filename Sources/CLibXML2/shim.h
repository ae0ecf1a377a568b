// libxml2's HTML parser and serializer (Debian libxml2-dev, pkg-config libxml-2.0), used by
// HTMLSanitizer to read raw HTML the way a browser would before filtering it.
//
// A Swift file that imports CLibXML2 must not import Foundation: libxml2's headers include the
// system ICU's unicode/utypes.h, whose UErrorCode differs from the one of Foundation's own ICU
// (_FoundationICU), and a fresh build fails on the clash (a warm module cache can hide it).
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
