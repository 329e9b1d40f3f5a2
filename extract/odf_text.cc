#include "extract/odf_text.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

#include "extract/sheet_text.h"
#include "extract/xml_util.h"

namespace bidscope {
namespace {

constexpr char kOdfNamespacePrefix[] = "urn:oasis:names:tc:opendocument:xmlns:";

// Maximum spaces one text:s writes. The attribute can request any number,
// and more than this add nothing to the text.
constexpr size_t kMaxRepeatedSpaces = 64;

size_t RepeatCount(const xmlNode* node, const char* attribute, size_t max) {
  std::string text = AttributeValue(node, attribute);
  size_t value = 1;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() ||
      end != text.data() + text.size() || value == 0) {
    return 1;
  }
  return std::min(value, max);
}

bool IsDrawingShape(const xmlNode* node) {
  static constexpr const char* kShapes[] = {
      "frame",    "custom-shape", "rect",           "ellipse", "polygon",
      "polyline", "path",         "line",           "circle",  "connector",
      "caption",  "measure",      "regular-polygon"};
  for (const char* shape : kShapes) {
    if (IsOdfElement(node, "drawing", shape)) return true;
  }
  return false;
}

class Renderer {
 public:
  explicit Renderer(size_t max_bytes) : max_bytes_(max_bytes) {}

  void Blocks(const xmlNode* container);
  OdfText Take() { return std::move(result_); }
  std::string TableText(const xmlNode* table, bool& truncated);

 private:
  void Block(const xmlNode* node);
  void Paragraph(const xmlNode* paragraph);
  void Inline(const xmlNode* node, std::string& line,
              std::vector<const xmlNode*>& anchored);
  void Shape(const xmlNode* shape);
  void Table(const xmlNode* table);
  void TableRows(const xmlNode* container, SheetTextBuilder& builder);
  void Note(const xmlNode* note);
  std::string CellText(const xmlNode* cell);
  void AddLine(std::string line);

  size_t max_bytes_;
  OdfText result_;
};

void Renderer::Blocks(const xmlNode* container) {
  for (const xmlNode* child = container->children; child != nullptr;
       child = child->next) {
    Block(child);
  }
}

void Renderer::Block(const xmlNode* node) {
  if (node->type != XML_ELEMENT_NODE) return;
  std::string_view name = XmlView(node->name);
  if (IsOdfElement(node, "text", "p") || IsOdfElement(node, "text", "h")) {
    Paragraph(node);
    return;
  }
  if (IsOdfElement(node, "table", "table")) {
    Table(node);
    return;
  }
  if (IsDrawingShape(node)) {
    Shape(node);
    return;
  }
  if (IsOdfElement(node, "office", "annotation")) {
    Note(node);
    return;
  }

  // Deleted text lives only in text:tracked-changes. Index templates
  // (text:*-source), forms and declarations hold no document text.
  if (IsOdfElement(node, "text", "tracked-changes") ||
      IsOdfElement(node, "office", "forms") || name.ends_with("-source") ||
      name.ends_with("-decls")) {
    return;
  }
  Blocks(node);
}

void Renderer::Paragraph(const xmlNode* paragraph) {
  std::string line;
  std::vector<const xmlNode*> anchored;
  for (const xmlNode* child = paragraph->children; child != nullptr;
       child = child->next) {
    Inline(child, line, anchored);
  }
  AddLine(std::move(line));
  for (const xmlNode* shape : anchored) Shape(shape);
}

void Renderer::Inline(const xmlNode* node, std::string& line,
                      std::vector<const xmlNode*>& anchored) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    line += XmlView(node->content);
    return;
  }
  if (node->type != XML_ELEMENT_NODE) return;
  if (IsOdfElement(node, "text", "s")) {
    line.append(RepeatCount(node, "c", kMaxRepeatedSpaces), ' ');
  } else if (IsOdfElement(node, "text", "tab")) {
    line.push_back('\t');
  } else if (IsOdfElement(node, "text", "line-break")) {
    line.push_back('\n');
  } else if (IsOdfElement(node, "text", "note")) {
    Note(node);
  } else if (IsOdfElement(node, "office", "annotation")) {
    Note(node);
  } else if (IsDrawingShape(node) || IsOdfElement(node, "drawing", "g")) {
    anchored.push_back(node);
  } else if (IsOdfElement(node, "text", "ruby-text")) {
    // The reading aid above the base text is not part of the sentence.
  } else {
    for (const xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      Inline(child, line, anchored);
    }
  }
}

// A frame may list several representations of one object: a text box, an
// embedded object, a replacement image. Only the first text box is
// rendered, so its text appears once. Other shapes contain paragraphs
// directly.
void Renderer::Shape(const xmlNode* shape) {
  if (IsOdfElement(shape, "drawing", "g")) {
    Blocks(shape);
    return;
  }
  for (const xmlNode* child = shape->children; child != nullptr;
       child = child->next) {
    if (IsOdfElement(child, "drawing", "text-box")) {
      Blocks(child);
      return;
    }
  }
  for (const xmlNode* child = shape->children; child != nullptr;
       child = child->next) {
    if (IsOdfElement(child, "text", "p") || IsOdfElement(child, "text", "list"))
      Block(child);
  }
}

void Renderer::Table(const xmlNode* table) {
  bool truncated = false;
  std::string text = TableText(table, truncated);
  if (truncated) result_.truncated = true;
  if (!text.empty()) AddLine(std::move(text));
}

std::string Renderer::TableText(const xmlNode* table, bool& truncated) {
  SheetTextBuilder builder(max_bytes_);
  TableRows(table, builder);
  std::string text = builder.Finish();
  truncated = builder.truncated();
  return text;
}

void Renderer::TableRows(const xmlNode* container, SheetTextBuilder& builder) {
  for (const xmlNode* row = container->children; row != nullptr;
       row = row->next) {
    if (IsOdfElement(row, "table", "table-header-rows") ||
        IsOdfElement(row, "table", "table-rows") ||
        IsOdfElement(row, "table", "table-row-group")) {
      TableRows(row, builder);
      continue;
    }
    if (!IsOdfElement(row, "table", "table-row")) continue;
    size_t column = 0;
    for (const xmlNode* cell = row->children;
         cell != nullptr && column < kMaxSheetColumns; cell = cell->next) {
      bool covered = IsOdfElement(cell, "table", "covered-table-cell");
      if (!covered && !IsOdfElement(cell, "table", "table-cell")) continue;
      size_t repeat =
          RepeatCount(cell, "number-columns-repeated", kMaxSheetColumns);
      std::string text = covered ? "" : CellText(cell);
      // Empty repeats, the usual padding to the sheet's last column, are
      // skipped without visiting each column.
      if (text.empty()) {
        column += repeat;
        continue;
      }
      for (size_t i = 0; i < repeat && column < kMaxSheetColumns; ++i) {
        builder.AddCell(column++, text);
      }
    }
    builder.EndRow(RepeatCount(row, "number-rows-repeated", SIZE_MAX));
  }
}

void Renderer::Note(const xmlNode* note) {
  // A note's body is its text:note-body. An annotation's body is its
  // paragraphs, after the author and date.
  const xmlNode* body = note;
  for (const xmlNode* child = note->children; child != nullptr;
       child = child->next) {
    if (IsOdfElement(child, "text", "note-body")) body = child;
  }
  Renderer inner(max_bytes_);
  for (const xmlNode* child = body->children; child != nullptr;
       child = child->next) {
    if (XmlView(child->ns == nullptr ? nullptr : child->ns->href) ==
        "http://purl.org/dc/elements/1.1/") {
      continue;
    }
    if (IsOdfElement(child, "text", "note-citation")) continue;
    inner.Block(child);
  }
  OdfText text = inner.Take();
  std::string joined;
  for (const std::string& line : text.lines) {
    if (!joined.empty()) joined.push_back('\n');
    joined += line;
  }
  if (!joined.empty()) result_.notes.push_back(std::move(joined));
  result_.notes.insert(result_.notes.end(), text.notes.begin(),
                       text.notes.end());
}

// Paragraphs of a cell joined by spaces. A cell without paragraphs shows
// its office:value, because some producers write numbers only there.
std::string Renderer::CellText(const xmlNode* cell) {
  Renderer inner(max_bytes_);
  inner.Blocks(cell);
  OdfText text = inner.Take();
  result_.notes.insert(result_.notes.end(), text.notes.begin(),
                       text.notes.end());
  if (text.truncated) result_.truncated = true;
  std::string joined;
  for (const std::string& line : text.lines) {
    if (!joined.empty()) joined.push_back(' ');
    joined += line;
  }
  if (joined.empty()) joined = AttributeValue(cell, "value");
  return joined;
}

void Renderer::AddLine(std::string line) {
  bool blank = std::all_of(line.begin(), line.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n';
  });
  if (!blank) result_.lines.push_back(std::move(line));
}

}  // namespace

bool IsOdfElement(const xmlNode* node, const char* ns, const char* name) {
  if (!IsElement(node, name) || node->ns == nullptr) return false;
  std::string_view href = XmlView(node->ns->href);
  std::string_view prefix = kOdfNamespacePrefix;
  if (!href.starts_with(prefix)) return false;
  href.remove_prefix(prefix.size());
  return href.starts_with(ns) && href.substr(std::strlen(ns)) == ":1.0";
}

OdfText RenderOdfText(const xmlNode* container, size_t max_bytes) {
  Renderer renderer(max_bytes);
  renderer.Blocks(container);
  return renderer.Take();
}

std::string RenderOdfTable(const xmlNode* table, size_t max_bytes,
                           bool& truncated) {
  Renderer renderer(max_bytes);
  return renderer.TableText(table, truncated);
}

}  // namespace bidscope
