// ExtractDoc: writes the bytes to a private temporary file, because every
// converter here takes only a path, and runs the first converter that
// succeeds.
#include "extract/doc_legacy.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "extract/charset.h"
#include "extract/formats.h"
#include "extract/subprocess.h"

namespace bidscope {

namespace {

namespace fs = std::filesystem;

// A directory only this process can read (mkdtemp creates it 0700),
// removed with its contents on destruction.
class PrivateDir {
 public:
  PrivateDir() {
    std::error_code ec;
    std::string pattern =
        (fs::temp_directory_path(ec) / "bidscope-doc-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~PrivateDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Converter {
  const char* name;  // recorded in metadata.extra["converter"]
  std::vector<std::string> argv_before_path;
};

// wvWare's text filter is called directly: the wvText wrapper script
// wants elinks or lynx and prints a warning without them.
std::vector<Converter> Converters() {
  return {
      {"wvWare",
       {"wvWare", "--nographics", "--charset=utf-8",
        "--config=/usr/share/wv/wvText.xml"}},
      {"catdoc", {"catdoc", "-d", "utf-8", "-w"}},
      {"antiword", {"antiword", "-m", "UTF-8.txt"}},
  };
}

// NOTE: no encrypted .doc was at hand, so which words each converter
// prints for one is assumed, not observed.
bool MentionsPassword(const std::string& message) {
  for (const char* word : {"password", "Password", "encrypted", "Encrypted"}) {
    if (message.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.size() > 200 ? line.substr(0, 200) : line;
}

}  // namespace

std::string CleanWordText(std::string_view text) {
  std::string clean;
  int newlines = 0;
  for (char c : text) {
    if (c == '\x0b' || c == '\x0c' || c == '\r') c = '\n';
    if (c == '\n') {
      if (++newlines <= 2) clean += c;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') continue;
    newlines = 0;
    clean += c;
  }
  size_t start = clean.find_first_not_of("\n");
  size_t end = clean.find_last_not_of("\n \t");
  if (start == std::string::npos || end == std::string::npos) return "";
  return clean.substr(start, end - start + 1);
}

Document ExtractDoc(std::string_view bytes, const ExtractOptions& options) {
  Document doc;
  doc.format = Format::kDoc;
  PrivateDir dir;
  fs::path input = dir.path() / "input.doc";
  if (!dir.path().empty()) {
    std::ofstream(input, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::error_code ec;
  if (dir.path().empty() || fs::file_size(input, ec) != bytes.size()) {
    doc.status = ExtractStatus::kFailed;
    doc.error = "cannot write a temporary copy for the .doc converter";
    return doc;
  }

  SubprocessLimits limits;
  limits.working_directory = dir.path().string();
  limits.max_output_bytes = options.max_decoded_bytes;
  std::vector<std::string> failures;
  for (const Converter& converter : Converters()) {
    std::vector<std::string> argv = converter.argv_before_path;
    argv.push_back(input.string());
    SubprocessResult run = RunSubprocess(argv, limits);
    if (!run.start_error.empty()) {
      failures.push_back(run.start_error);
      continue;
    }
    if (MentionsPassword(run.err) || MentionsPassword(run.out.substr(0, 200))) {
      doc.status = ExtractStatus::kEncrypted;
      doc.error = fmt::format("{}: {}", converter.name, FirstLine(run.err));
      return doc;
    }
    std::string text = CleanWordText(run.out);
    if (run.exit_code != 0 || run.timed_out || text.empty()) {
      failures.push_back(fmt::format(
          "{}: {}", converter.name,
          run.timed_out        ? "timed out"
          : run.exit_code != 0 ? fmt::format("exit status {} {}", run.exit_code,
                                             FirstLine(run.err))
                               : "no text"));
      continue;
    }

    if (!IsValidUtf8(text)) text = ConvertToUtf8(text, kUtf8);
    if (run.output_truncated) {
      doc.warnings.push_back(fmt::format("text cut at max_decoded_bytes {}",
                                         options.max_decoded_bytes));
    }
    doc.status = ExtractStatus::kOk;
    doc.metadata.extra["converter"] = converter.name;
    doc.warnings.insert(doc.warnings.end(), failures.begin(), failures.end());
    Page page;
    page.text = std::move(text);
    page.origin = TextOrigin::kMarkup;
    doc.pages.push_back(std::move(page));
    return doc;
  }

  doc.status = ExtractStatus::kFailed;
  doc.error = "no .doc converter succeeded";
  for (const std::string& failure : failures) doc.error += "; " + failure;
  return doc;
}

}  // namespace bidscope
