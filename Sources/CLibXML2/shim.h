// libxml2 for the HTML extractor and the office readers (xmlreader: XML parts streamed).
//
// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes the system's
// <unicode/ucnv.h>. Swift's Foundation carries its own ICU module (_FoundationICU) whose
// UErrorCode differs, and the two definitions clash when both modules load ("UErrorCode
// has different definitions in different modules"). gazette decodes text itself and
// never touches libxml2's encoding-handler structs, so the ICU parts are hidden here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
