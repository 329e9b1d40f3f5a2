#include "extract/ooxml_wordml.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "extract/xml_util.h"

namespace bidscope {
namespace {

constexpr std::string_view kWordNs =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrictNs =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMarkupCompatibilityNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

// WordprocessingML elements whose subtree carries no visible text or
// carries text that was deleted: properties, deletions, moved-from
// ranges, field instructions and content-control placeholders.
constexpr std::array<std::string_view, 15> kSkipped = {
    "del",  "moveFrom", "delText", "instrText", "delInstrText",
    "rPr",  "pPr",      "sdtPr",   "sdtEndPr",  "tblPr",
    "trPr", "tcPr",     "tblGrid", "sectPr",    "fldData"};

bool IsWord(const xmlNode* node, std::string_view name) {
  if (!IsElement(node, name) || node->ns == nullptr) return false;
  std::string_view href = XmlView(node->ns->href);
  return href == kWordNs || href == kWordStrictNs;
}

bool IsWordElement(const xmlNode* node) {
  if (node->type != XML_ELEMENT_NODE || node->ns == nullptr) return false;
  std::string_view href = XmlView(node->ns->href);
  return href == kWordNs || href == kWordStrictNs;
}

class WordRenderer {
 public:
  WordRenderer() : pages_(1) {}

  void RenderChildren(const xmlNode* parent) {
    for (const xmlNode* child = parent->children; child != nullptr;
         child = child->next) {
      Render(child);
    }
  }

  WordText Finish() {
    EndLine();
    WordText result;
    for (const auto& lines : pages_) {
      std::string text;
      for (const std::string& line : lines) {
        if (!text.empty()) text.push_back('\n');
        text += line;
      }
      result.pages.push_back(std::move(text));
    }
    while (result.pages.size() > 1 && result.pages.back().empty()) {
      result.pages.pop_back();
    }
    return result;
  }

 private:
  void Render(const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return;
    if (IsElement(node, "AlternateContent") && node->ns != nullptr &&
        XmlView(node->ns->href) == kMarkupCompatibilityNs) {
      RenderAlternateContent(node);
      return;
    }
    if (!IsWordElement(node)) {
      RenderChildren(node);
      return;
    }
    std::string_view name = XmlView(node->name);
    if (std::find(kSkipped.begin(), kSkipped.end(), name) != kSkipped.end()) {
      return;
    }
    RenderWordElement(node, name);
  }

  void RenderWordElement(const xmlNode* node, std::string_view name) {
    if (name == "t") {
      AppendText(NodeText(node));
    } else if (name == "tab") {
      AppendText("\t");
    } else if (name == "noBreakHyphen") {
      AppendText("-");
    } else if (name == "br") {
      AttributeValue(node, "type") == "page" ? PageBreak() : EndLine();
    } else if (name == "cr") {
      EndLine();
    } else if (name == "lastRenderedPageBreak") {
      PageBreak();
    } else if (name == "fldChar") {
      UpdateField(AttributeValue(node, "fldCharType"));
    } else if (name == "p") {
      EndLine();
      RenderChildren(node);
      EndLine();
    } else if (name == "tbl") {
      EndLine();
      RenderTable(node);
    } else if ((name == "footnote" || name == "endnote") &&
               !AttributeValue(node, "type").empty()) {
      // Separator and continuation notes hold no text of the document.
    } else {
      RenderChildren(node);
    }
  }

  // Takes the first mc:Choice, else mc:Fallback: both hold the same
  // content, so rendering both would repeat text boxes.
  void RenderAlternateContent(const xmlNode* node) {
    const xmlNode* fallback = nullptr;
    for (const xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      if (IsElement(child, "Choice")) {
        RenderChildren(child);
        return;
      }
      if (IsElement(child, "Fallback")) fallback = child;
    }
    if (fallback != nullptr) RenderChildren(fallback);
  }

  // Complex fields run begin, instruction, separate, result, end, and
  // nest. Text shows only where no open field is in its instruction.
  void UpdateField(const std::string& type) {
    if (type == "begin") {
      field_in_instruction_.push_back(true);
    } else if (type == "separate" && !field_in_instruction_.empty()) {
      field_in_instruction_.back() = false;
    } else if (type == "end" && !field_in_instruction_.empty()) {
      field_in_instruction_.pop_back();
    }
  }

  void AppendText(std::string_view text) {
    bool hidden =
        std::find(field_in_instruction_.begin(), field_in_instruction_.end(),
                  true) != field_in_instruction_.end();
    if (!hidden) line_ += text;
  }

  void EndLine() {
    bool blank = line_.find_first_not_of(" \t") == std::string::npos;
    if (!blank) pages_.back().push_back(std::move(line_));
    line_.clear();
  }

  // Starts a new page unless the current one is still empty, so that an
  // explicit break followed by Word's recorded break counts once.
  void PageBreak() {
    EndLine();
    if (!pages_.back().empty()) pages_.emplace_back();
  }

  // Rows and cells in order, looking through content controls and custom
  // XML wrappers but not into nested tables.
  static void Collect(const xmlNode* node, std::string_view name,
                      std::vector<const xmlNode*>& found) {
    for (const xmlNode* child = node->children; child != nullptr;
         child = child->next) {
      if (IsWord(child, name)) {
        found.push_back(child);
      } else if (IsWord(child, "sdt") || IsWord(child, "sdtContent") ||
                 IsWord(child, "customXml")) {
        Collect(child, name, found);
      }
    }
  }

  void RenderTable(const xmlNode* table) {
    std::vector<const xmlNode*> rows;
    Collect(table, "tr", rows);
    for (const xmlNode* row : rows) {
      std::vector<const xmlNode*> cells;
      Collect(row, "tc", cells);
      std::string line;
      for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) line += " | ";
        line += CellText(cells[i]);
      }
      if (line.find_first_not_of(" |\t") == std::string::npos) continue;
      line_ = std::move(line);
      EndLine();
    }
  }

  // A cell's paragraphs and nested tables, joined with spaces.
  static std::string CellText(const xmlNode* cell) {
    WordRenderer renderer;
    renderer.RenderChildren(cell);
    std::string text;
    for (const std::string& page : renderer.Finish().pages) {
      for (char c : page) {
        if (c == '\n') c = ' ';
        text.push_back(c);
      }
      if (!page.empty()) text.push_back(' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  }

  std::vector<std::vector<std::string>> pages_;
  std::string line_;
  std::vector<bool> field_in_instruction_;
};

}  // namespace

WordText RenderWordprocessingMl(const xmlDoc* part) {
  WordRenderer renderer;
  renderer.RenderChildren(reinterpret_cast<const xmlNode*>(part));
  return renderer.Finish();
}

}  // namespace bidscope
