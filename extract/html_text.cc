#include "extract/html_text.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "extract/html_chrome.h"
#include "extract/text_lines.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

constexpr std::array<std::string_view, 14> kSkippedElements = {
    "script", "style",  "noscript", "template", "svg",    "head", "select",
    "iframe", "object", "embed",    "canvas",   "button", "map",  "math"};

constexpr std::array<std::string_view, 34> kBlockElements = {
    "p",          "div",    "h1",         "h2",      "h3",       "h4",
    "h5",         "h6",     "li",         "ul",      "ol",       "dl",
    "dt",         "dd",     "blockquote", "section", "article",  "main",
    "header",     "footer", "address",    "form",    "fieldset", "figure",
    "figcaption", "hr",     "center",     "caption", "legend",   "details",
    "summary",    "body",   "html",       "tr"};

template <size_t N>
bool NameIn(const xmlNode* node, const std::array<std::string_view, N>& names) {
  std::string_view name = XmlView(node->name);
  return std::find(names.begin(), names.end(), name) != names.end();
}

class HtmlRenderer {
 public:
  HtmlRenderer(size_t page_text_bytes, const FrameText& frame_text)
      : page_text_bytes_(page_text_bytes), frame_text_(frame_text) {}

  void RenderChildren(const xmlNode* parent, TextLines& out, bool pre) {
    for (const xmlNode* child = parent->children; child != nullptr;
         child = child->next) {
      Render(child, out, pre);
    }
  }

  void Render(const xmlNode* node, TextLines& out, bool pre) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      out.Append(XmlView(node->content), pre);
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;
    if (frame_text_ &&
        (IsElement(node, "iframe") || IsElement(node, "frame"))) {
      RenderFrame(node, out);
      return;
    }
    if (NameIn(node, kSkippedElements)) return;
    if (IsNavigationChrome(node, page_text_bytes_)) return;
    if (IsElement(node, "br")) {
      out.EndLine();
      return;
    }
    if (IsElement(node, "table")) {
      out.EndLine();
      RenderTable(node, out, pre);
      return;
    }
    bool block = NameIn(node, kBlockElements) || IsElement(node, "pre");
    if (block) out.EndLine();
    RenderChildren(node, out, pre || IsElement(node, "pre"));
    if (block) out.EndLine();
  }

 private:
  // Rows of `node` in document order, not descending into nested tables,
  // which belong to their cells.
  static void CollectRows(const xmlNode* node,
                          std::vector<const xmlNode*>& rows) {
    for (const xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      if (child->type != XML_ELEMENT_NODE || IsElement(child, "table")) {
        continue;
      }
      if (IsElement(child, "tr")) {
        rows.push_back(child);
      } else {
        CollectRows(child, rows);
      }
    }
  }

  static bool HasNestedTable(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      if (IsElement(child, "table") || HasNestedTable(child)) return true;
    }
    return false;
  }

  void RenderTable(const xmlNode* table, TextLines& out, bool pre) {
    for (const xmlNode* child = table->children; child != nullptr;
         child = child->next) {
      if (IsElement(child, "caption")) Render(child, out, pre);
    }
    std::vector<const xmlNode*> rows;
    CollectRows(table, rows);
    for (const xmlNode* row : rows) RenderRow(row, out, pre);
  }

  // A row of data cells becomes one line. A row that lays out the page
  // (one cell with content, or cells holding tables) keeps each cell's
  // lines, because joining them would put a whole article on one line.
  void RenderRow(const xmlNode* row, TextLines& out, bool pre) {
    std::vector<std::vector<std::string>> cells;
    bool layout = false;
    size_t filled = 0;
    for (const xmlNode* cell = row->children; cell != nullptr;
         cell = cell->next) {
      if (!IsElement(cell, "td") && !IsElement(cell, "th")) continue;
      if (IsNavigationChrome(cell, page_text_bytes_)) continue;
      TextLines cell_out;
      RenderChildren(cell, cell_out, pre);
      cells.push_back(cell_out.Lines());
      if (!cells.back().empty()) ++filled;
      layout = layout || HasNestedTable(cell);
    }
    if (filled == 0) return;
    if (layout || filled == 1) {
      for (const auto& lines : cells) {
        for (const std::string& line : lines) {
          out.Append(line, true);
          out.EndLine();
        }
      }
      return;
    }
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line += kCellSeparator;
      for (size_t j = 0; j < cells[i].size(); ++j) {
        if (j > 0) line.push_back(' ');
        line += cells[i][j];
      }
    }
    out.EndLine();
    out.Append(line, true);
    out.EndLine();
  }

  // The frame's text as lines of their own, kept as they are.
  void RenderFrame(const xmlNode* frame, TextLines& out) {
    std::string text = frame_text_(AttributeValue(frame, "src"));
    if (text.find_first_not_of(" \t\n") == std::string::npos) return;
    out.EndLine();
    for (size_t begin = 0; begin <= text.size();) {
      size_t end = std::min(text.find('\n', begin), text.size());
      out.Append(std::string_view(text).substr(begin, end - begin), true);
      out.EndLine();
      begin = end + 1;
    }
  }

  size_t page_text_bytes_;
  const FrameText& frame_text_;
};

const xmlNode* FindBody(const xmlNode* node) {
  for (; node != nullptr; node = node->next) {
    if (IsElement(node, "body")) return node;
    if (const xmlNode* body = FindBody(node->children)) return body;
  }
  return nullptr;
}

}  // namespace

std::string HtmlBodyText(const xmlDoc* doc, const FrameText& frame_text) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return "";
  const xmlNode* body = FindBody(root);
  const xmlNode* start = body != nullptr ? body : root;

  // Browsers show what follows </body> and </html>, which libxml2 puts in
  // the body's later siblings and in a second root element.
  std::vector<const xmlNode*> parts = {start};
  if (start != root) {
    for (const xmlNode* node = start->next; node != nullptr;
         node = node->next) {
      parts.push_back(node);
    }
  }
  for (const xmlNode* node = root->next; node != nullptr; node = node->next) {
    parts.push_back(node);
  }

  size_t text_bytes = 0;
  for (const xmlNode* part : parts) text_bytes += NodeText(part).size();
  HtmlRenderer renderer(text_bytes, frame_text);
  TextLines out;
  renderer.RenderChildren(start, out, false);
  for (size_t i = 1; i < parts.size(); ++i)
    renderer.Render(parts[i], out, false);
  return out.Text();
}

}  // namespace bidscope
