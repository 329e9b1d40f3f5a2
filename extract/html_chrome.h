// Recognises page chrome in HTML: navigation, menus, breadcrumbs, site
// headers and footers, sidebars.
#ifndef BIDSCOPE_EXTRACT_HTML_CHROME_H_
#define BIDSCOPE_EXTRACT_HTML_CHROME_H_

#include <libxml/tree.h>

#include <cstddef>

namespace bidscope {

// True when `element` is navigation chrome: a <nav>, <aside> or <footer>,
// a <header> outside <article> and <main>, an element whose ARIA role is
// navigation, banner, contentinfo or complementary, or one whose class or
// id contains a chrome word (nav, menu, breadcrumb, footer, sidebar, ...)
// and no content word (content, article, main, detail, ...).
//
// An element holding more than half of `page_text_bytes` is never chrome,
// so that a page wrapped in <div id="main-nav-wrapper"> keeps its text.
bool IsNavigationChrome(const xmlNode* element, size_t page_text_bytes);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_HTML_CHROME_H_
