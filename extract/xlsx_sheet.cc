#include "extract/xlsx_sheet.h"

#include <charconv>

#include "extract/xml_util.h"

namespace bidscope {
namespace {

const xmlNode* FirstChild(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child != nullptr;
       child = child->next) {
    if (IsElement(child, name)) return child;
  }
  return nullptr;
}

void AppendRichText(const xmlNode* node, std::string& text) {
  for (const xmlNode* child = node->children; child != nullptr;
       child = child->next) {
    if (IsElement(child, "rPh") || IsElement(child, "phoneticPr")) continue;
    if (IsElement(child, "t")) {
      text += NodeText(child);
      continue;
    }
    if (child->type == XML_ELEMENT_NODE) AppendRichText(child, text);
  }
}

size_t ParseIndex(std::string_view text, size_t fallback) {
  size_t value = fallback;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value
                                                                  : fallback;
}

// Text of cell `cell` as Excel would show its value, dates aside.
std::string CellText(const xmlNode* cell, const WorkbookContext& workbook) {
  std::string type = AttributeValue(cell, "t");
  if (type == "inlineStr") {
    const xmlNode* inline_string = FirstChild(cell, "is");
    return inline_string == nullptr ? "" : RichText(inline_string);
  }
  const xmlNode* value_node = FirstChild(cell, "v");
  if (value_node == nullptr) return "";
  std::string value = NodeText(value_node);
  if (type == "s") {
    size_t index = ParseIndex(value, workbook.shared_strings.size());
    return index < workbook.shared_strings.size()
               ? workbook.shared_strings[index]
               : "";
  }
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  if (type == "str" || type == "e" || type == "d") return value;

  size_t style = ParseIndex(AttributeValue(cell, "s"), 0);
  if (style < workbook.style_date_kinds.size() &&
      workbook.style_date_kinds[style] != DateKind::kNone) {
    std::string date;
    if (FormatSerialDate(value, workbook.style_date_kinds[style],
                         workbook.date1904, date)) {
      return date;
    }
  }
  return value;
}

void RenderRow(const xmlNode* row, const WorkbookContext& workbook,
               SheetTextBuilder& builder) {
  // Cells without a reference follow the previous cell.
  long next_column = 0;
  for (const xmlNode* cell = row->children; cell != nullptr;
       cell = cell->next) {
    if (!IsElement(cell, "c")) continue;
    long column = ColumnOfReference(AttributeValue(cell, "r"));
    if (column < 0) column = next_column;
    builder.AddCell(static_cast<size_t>(column), CellText(cell, workbook));
    next_column = column + 1;
  }
  builder.EndRow(1);
}

}  // namespace

std::string RichText(const xmlNode* item) {
  std::string text;
  AppendRichText(item, text);
  return text;
}

long ColumnOfReference(std::string_view reference) {
  long column = 0;
  size_t letters = 0;
  for (char c : reference) {
    char upper = static_cast<char>(c & ~0x20);
    if (upper < 'A' || upper > 'Z') break;
    column = column * 26 + (upper - 'A' + 1);
    // Past three letters the reference is beyond any sheet's columns.
    if (++letters > 3) return static_cast<long>(kMaxSheetColumns);
  }
  return letters == 0 ? -1 : column - 1;
}

void RenderWorksheet(const xmlDoc* sheet, const WorkbookContext& workbook,
                     SheetTextBuilder& builder) {
  const xmlNode* root = xmlDocGetRootElement(sheet);
  if (root == nullptr) return;
  const xmlNode* data = FirstChild(root, "sheetData");
  if (data == nullptr) return;
  for (const xmlNode* row = data->children; row != nullptr; row = row->next) {
    if (IsElement(row, "row")) RenderRow(row, workbook, builder);
  }
}

}  // namespace bidscope
