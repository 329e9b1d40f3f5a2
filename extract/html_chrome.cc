#include "extract/html_chrome.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "extract/xml_util.h"

namespace bidscope {
namespace {

// Words in class and id values that mark chrome. Matched against whole
// pieces of the value split at non-alphanumeric characters, so "main-nav"
// matches "nav" but "canvas" does not.
constexpr std::array<std::string_view, 30> kChromeWords = {
    "nav",        "navbar",     "navigation",  "menu",       "menubar",
    "submenu",    "breadcrumb", "breadcrumbs", "crumb",      "crumbs",
    "footer",     "foot",       "sidebar",     "topbar",     "toolbar",
    "header",     "banner",     "copyright",   "bdshare",    "share",
    "pagination", "pager",      "skiplink",    "sidenav",    "bread",
    "position",   "location",   "navi",        "currentloc", "curloc"};

// Words that mark main content; they override chrome words in the same
// attribute ("article-header", "content-footer-notes").
constexpr std::array<std::string_view, 9> kContentWords = {
    "content", "article", "main", "detail", "title",
    "text",    "body",    "post", "notice"};

std::vector<std::string> Pieces(const std::string& value) {
  std::vector<std::string> pieces;
  std::string piece;
  for (char c : value) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      piece.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    piece.clear();
  }
  if (!piece.empty()) pieces.push_back(std::move(piece));
  return pieces;
}

template <size_t N>
bool ContainsAny(const std::vector<std::string>& pieces,
                 const std::array<std::string_view, N>& words) {
  return std::any_of(pieces.begin(), pieces.end(), [&](const std::string& p) {
    return std::find(words.begin(), words.end(), p) != words.end();
  });
}

bool HasChromeName(const xmlNode* element) {
  std::vector<std::string> pieces = Pieces(AttributeValue(element, "class"));
  std::vector<std::string> id_pieces = Pieces(AttributeValue(element, "id"));
  pieces.insert(pieces.end(), id_pieces.begin(), id_pieces.end());
  return ContainsAny(pieces, kChromeWords) &&
         !ContainsAny(pieces, kContentWords);
}

bool InsideArticle(const xmlNode* element) {
  for (const xmlNode* node = element->parent; node != nullptr;
       node = node->parent) {
    if (IsElement(node, "article") || IsElement(node, "main")) return true;
  }
  return false;
}

bool IsChromeCandidate(const xmlNode* element) {
  if (IsElement(element, "nav") || IsElement(element, "aside") ||
      IsElement(element, "footer")) {
    return true;
  }
  if (IsElement(element, "header")) return !InsideArticle(element);
  std::string role = AttributeValue(element, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary") {
    return true;
  }
  // The whole document structure is never chrome, whatever its class.
  if (IsElement(element, "body") || IsElement(element, "html")) return false;
  return HasChromeName(element);
}

}  // namespace

bool IsNavigationChrome(const xmlNode* element, size_t page_text_bytes) {
  if (!IsChromeCandidate(element)) return false;
  return NodeText(element).size() * 2 <= page_text_bytes;
}

}  // namespace bidscope
