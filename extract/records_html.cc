#include "extract/records_html.h"

#include <libxml/tree.h>

#include <cstring>
#include <string>

#include "extract/charset.h"
#include "extract/xml_util.h"

namespace bidscope {

namespace {

bool IsBlockElement(const char* name) {
  static constexpr const char* kBlocks[] = {
      "p",  "div", "br", "tr",    "li",         "h1",  "h2",      "h3",
      "h4", "h5",  "h6", "table", "ul",         "ol",  "section", "article",
      "td", "th",  "dd", "dt",    "blockquote", "pre", "hr"};
  for (const char* block : kBlocks) {
    if (std::strcmp(name, block) == 0) return true;
  }
  return false;
}

void CollectText(const xmlNode* node, std::string* text) {
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_TEXT_NODE && node->content != nullptr) {
      *text += reinterpret_cast<const char*>(node->content);
      continue;
    }
    if (node->type != XML_ELEMENT_NODE) continue;
    const char* name = reinterpret_cast<const char*>(node->name);
    if (std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0) {
      continue;
    }
    bool block = IsBlockElement(name);
    if (block) *text += '\n';
    CollectText(node->children, text);
    if (block) *text += '\n';
  }
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Removes leading and trailing ASCII space, tab, CR, U+00A0 and U+3000.
std::string_view TrimLine(std::string_view line) {
  static constexpr std::string_view kSpaces[] = {" ", "\t", "\r", "\xC2\xA0",
                                                 "\xE3\x80\x80"};
  bool trimmed = true;
  while (trimmed && !line.empty()) {
    trimmed = false;
    for (std::string_view space : kSpaces) {
      if (line.starts_with(space)) {
        line.remove_prefix(space.size());
        trimmed = true;
      }
      if (line.ends_with(space)) {
        line.remove_suffix(space.size());
        trimmed = true;
      }
    }
  }
  return line;
}

// Trims each line and drops the empty ones.
std::string TidyLines(std::string_view text) {
  std::string result;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = TrimLine(text.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    if (!result.empty()) result += '\n';
    result += line;
  }
  return result;
}

}  // namespace

bool ContainsMarkup(std::string_view value) {
  for (size_t i = 0; i + 2 < value.size(); ++i) {
    if (value[i] == '<') {
      size_t name = value[i + 1] == '/' ? i + 2 : i + 1;
      if (name < value.size() && IsAsciiAlpha(value[name]) &&
          value.find('>', name) != std::string_view::npos) {
        return true;
      }
    }
    if (value[i] == '&') {
      size_t end = value.find(';', i);
      if (end != std::string_view::npos && end - i <= 10 && end > i + 1) {
        return true;
      }
    }
  }
  return false;
}

std::string HtmlFragmentToText(std::string_view html) {
  std::string utf8(html);
  DropNulBytes(utf8);
  XmlDocPtr doc = ParseHtml(utf8);
  if (doc == nullptr) return TidyLines(utf8);
  std::string text;
  CollectText(doc->children, &text);
  return TidyLines(text);
}

}  // namespace bidscope
