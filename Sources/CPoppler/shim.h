// poppler's GLib API (poppler-glib) for the PDF reader: open a document from memory, each
// page's text with one box per character and its font size and colour.
#include <poppler.h>
