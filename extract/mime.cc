// ExtractMime: e-mail messages (.eml) and web pages saved as one file
// (MHTML, .mht), both MIME messages, parsed with GMime. An e-mail gives
// its headers and body text, then one document per attachment, extracted
// by the dispatcher one level deeper as archive members are. A saved page
// gives the text of its HTML part, then that of its frames. Its images and
// style sheets are left out.
#include <fmt/format.h>
#include <gmime/gmime.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/archive_names.h"
#include "extract/extract.h"
#include "extract/formats.h"

namespace bidscope {
namespace {

// Multipart levels followed before the rest of a message is left out, so
// that a hostile message cannot exhaust the stack.
constexpr int kMaxMultipartDepth = 32;

void InitGmime() {
  static const bool initialized = [] {
    g_mime_init();
    return true;
  }();
  (void)initialized;
}

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreer {
  void operator()(char* text) const { g_free(text); }
};

std::string OrEmpty(const char* text) { return text == nullptr ? "" : text; }

// The bytes written to a memory stream by `write`.
template <typename Write>
std::string WrittenBytes(Write write) {
  GPtr<GMimeStream> stream(g_mime_stream_mem_new());
  write(stream.get());
  GByteArray* array =
      g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

// The decoded content of a leaf part (base64 and quoted-printable undone).
std::string PartBytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return "";
  return WrittenBytes([content](GMimeStream* stream) {
    g_mime_data_wrapper_write_to_stream(content, stream);
  });
}

// A message as bytes, for a message attached to another.
std::string MessageBytes(GMimeMessage* message) {
  return WrittenBytes([message](GMimeStream* stream) {
    g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, stream);
  });
}

bool IsType(GMimeObject* object, const char* type, const char* subtype) {
  GMimeContentType* content_type = g_mime_object_get_content_type(object);
  return content_type != nullptr &&
         g_mime_content_type_is_type(content_type, type, subtype);
}

// A leaf part or an attached message.
struct Part {
  GMimeObject* object = nullptr;
  bool attachment = false;
};

// Collects the leaf parts and attached messages under `object`, in order.
void CollectParts(GMimeObject* object, int depth, std::vector<Part>* parts,
                  std::vector<std::string>* warnings) {
  if (GMIME_IS_MULTIPART(object)) {
    if (depth >= kMaxMultipartDepth) {
      warnings->push_back(
          fmt::format("multipart parts nested more than {} deep were left out",
                      kMaxMultipartDepth));
      return;
    }
    GMimeMultipart* multipart = GMIME_MULTIPART(object);
    int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i) {
      CollectParts(g_mime_multipart_get_part(multipart, i), depth + 1, parts,
                   warnings);
    }
    return;
  }
  if (GMIME_IS_MESSAGE_PART(object)) {
    parts->push_back({object, true});
    return;
  }
  if (!GMIME_IS_PART(object)) return;
  GMimePart* part = GMIME_PART(object);
  bool text = IsType(object, "text", "plain") || IsType(object, "text", "html");
  bool attachment = g_mime_part_is_attachment(part) ||
                    g_mime_part_get_filename(part) != nullptr || !text;
  parts->push_back({object, attachment});
}

// The text of a text/plain or text/html part, decoded from the charset its
// Content-Type names (detected when it names none).
// An HTML part takes the text of its frames from `frame_text`.
Document TextPartDocument(GMimeObject* object, const ExtractOptions& options,
                          const FrameText& frame_text = {}) {
  std::string bytes = PartBytes(GMIME_PART(object));
  std::string charset =
      OrEmpty(g_mime_object_get_content_type_parameter(object, "charset"));
  if (IsType(object, "text", "html")) {
    return ExtractHtml(bytes, options, charset, frame_text);
  }
  return ExtractPlainText(bytes, charset);
}

std::string IsoDate(GMimeMessage* message) {
  GDateTime* date = g_mime_message_get_date(message);
  if (date == nullptr) return "";
  std::unique_ptr<char, GFreer> text(
      g_date_time_format(date, "%Y-%m-%dT%H:%M:%S%:z"));
  return OrEmpty(text.get());
}

std::string Addresses(InternetAddressList* list) {
  if (list == nullptr || internet_address_list_length(list) == 0) return "";
  std::unique_ptr<char, GFreer> text(
      internet_address_list_to_string(list, nullptr, FALSE));
  return OrEmpty(text.get());
}

// Returns the Content-Location of a part, "" when it has none.
std::string PartLocation(GMimeObject* object) {
  return OrEmpty(g_mime_object_get_header(object, "Content-Location"));
}

// Returns the HTML part that a frame's src names, or null. The src is the
// part's Content-Location, or for a Content-ID "cid:" and the ID, as
// Chrome rewrites the src of each <iframe> it saves.
GMimeObject* FramePart(const std::vector<Part>& parts, std::string_view src) {
  if (src.empty()) return nullptr;
  for (const Part& part : parts) {
    if (!GMIME_IS_PART(part.object) || !IsType(part.object, "text", "html")) {
      continue;
    }
    std::string id = OrEmpty(g_mime_object_get_content_id(part.object));
    if (PartLocation(part.object) == src ||
        (!id.empty() && src == "cid:" + id)) {
      return part.object;
    }
  }
  return nullptr;
}

// The text of a saved page's frames. Browsers save an <iframe> as a part
// of its own, and some portals show a notice's body in one. Each part is
// read once, which also ends frames that contain each other.
class SavedFrames {
 public:
  SavedFrames(const std::vector<Part>& parts, GMimeObject* root,
              const ExtractOptions& options)
      : parts_(parts), options_(options), used_({root}) {
    frame_text_ = [this](std::string_view src) { return Text(src); };
  }
  // The callback refers to this object, so a copy would call the original.
  SavedFrames(const SavedFrames&) = delete;
  SavedFrames& operator=(const SavedFrames&) = delete;

  // Returns the callback for the renderer, which puts each frame's text
  // in the frame's place.
  const FrameText& Callback() const { return frame_text_; }

  // Appends to the page the text of the HTML parts that no frame named, in
  // the order of the file, then the warnings of every frame read.
  void Finish(Document* doc) {
    for (const Part& part : parts_) {
      if (doc->pages.empty()) break;
      if (!GMIME_IS_PART(part.object) || !IsType(part.object, "text", "html") ||
          used_.count(part.object)) {
        continue;
      }
      std::string text = Read(part.object);
      if (text.empty()) continue;
      Page& page = doc->pages[0];
      if (page.text.find_first_not_of(" \t\n") != std::string::npos) {
        page.text += "\n\n";
      }
      page.text += text;
      if (doc->status == ExtractStatus::kEmpty) {
        doc->status = ExtractStatus::kOk;
        doc->error.clear();
      }
    }
    doc->warnings.insert(doc->warnings.end(), warnings_.begin(),
                         warnings_.end());
  }

 private:
  std::string Text(std::string_view src) {
    GMimeObject* part = FramePart(parts_, src);
    if (part == nullptr || used_.count(part)) return "";
    return Read(part);
  }

  // Returns the text of a frame's part, with its own frames in place, or
  // "" when it has none. A part that failed also gives a warning.
  std::string Read(GMimeObject* part) {
    used_.insert(part);
    std::string location = PartLocation(part);
    if (location.empty()) location = "without a Content-Location";
    Document frame = TextPartDocument(part, options_, frame_text_);
    if (frame.status == ExtractStatus::kFailed) {
      warnings_.push_back(
          fmt::format("frame {} left out: {}", location, frame.error));
      return "";
    }
    if (frame.pages.empty() ||
        frame.pages[0].text.find_first_not_of(" \t\n") == std::string::npos) {
      return "";
    }
    for (const std::string& warning : frame.warnings) {
      warnings_.push_back(fmt::format("frame {}: {}", location, warning));
    }
    return frame.pages[0].text;
  }

  const std::vector<Part>& parts_;
  const ExtractOptions& options_;
  std::set<GMimeObject*> used_;
  std::vector<std::string> warnings_;
  FrameText frame_text_;
};

// The saved page: the HTML part at the address the snapshot names, else
// the first HTML part.
Document SavedPage(GMimeMessage* message, const std::vector<Part>& parts,
                   const ExtractOptions& options) {
  std::string location = OrEmpty(g_mime_object_get_header(
      GMIME_OBJECT(message), "Snapshot-Content-Location"));
  GMimeObject* root = nullptr;
  for (const Part& part : parts) {
    if (!GMIME_IS_PART(part.object) || !IsType(part.object, "text", "html")) {
      continue;
    }
    std::string part_location =
        OrEmpty(g_mime_object_get_header(part.object, "Content-Location"));
    if (root == nullptr || (!location.empty() && part_location == location)) {
      root = part.object;
    }
    if (!location.empty() && part_location == location) break;
  }
  if (root == nullptr) {
    Document doc;
    doc.status = ExtractStatus::kEmpty;
    doc.error = "empty page: the saved page has no HTML part";
    return doc;
  }
  SavedFrames frames(parts, root, options);
  Document doc = TextPartDocument(root, options, frames.Callback());
  frames.Finish(&doc);
  if (location.empty()) {
    location = OrEmpty(g_mime_object_get_header(root, "Content-Location"));
  }
  if (!location.empty()) doc.metadata.extra["url"] = location;
  if (doc.metadata.title.empty()) {
    doc.metadata.title = OrEmpty(g_mime_message_get_subject(message));
  }
  doc.metadata.created = IsoDate(message);
  return doc;
}

// The e-mail itself: its headers as the first lines, then the plain text
// body, else the HTML body.
Document Email(GMimeMessage* message, const std::vector<Part>& parts,
               const ExtractOptions& options) {
  GMimeObject* plain = nullptr;
  GMimeObject* html = nullptr;
  for (const Part& part : parts) {
    if (part.attachment) continue;
    if (plain == nullptr && IsType(part.object, "text", "plain")) {
      plain = part.object;
    }
    if (html == nullptr && IsType(part.object, "text", "html")) {
      html = part.object;
    }
  }
  Document doc;
  if (plain != nullptr || html != nullptr) {
    doc = TextPartDocument(plain != nullptr ? plain : html, options);
  }
  doc.status = ExtractStatus::kOk;
  doc.error.clear();

  std::string subject = OrEmpty(g_mime_message_get_subject(message));
  std::string from = Addresses(g_mime_message_get_from(message));
  std::string to =
      Addresses(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO));
  std::string cc =
      Addresses(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_CC));
  std::string date = IsoDate(message);
  doc.metadata.title = subject;
  doc.metadata.author = from;
  doc.metadata.created = date;
  if (!to.empty()) doc.metadata.extra["to"] = to;
  if (!cc.empty()) doc.metadata.extra["cc"] = cc;
  std::string id = OrEmpty(g_mime_message_get_message_id(message));
  if (!id.empty()) doc.metadata.extra["message_id"] = id;

  std::string headers;
  for (const auto& [name, value] :
       {std::pair{"From", from}, std::pair{"To", to}, std::pair{"Cc", cc},
        std::pair{"Date", date}, std::pair{"Subject", subject}}) {
    if (!value.empty()) headers += std::string(name) + ": " + value + "\n";
  }
  if (doc.pages.empty()) doc.pages.emplace_back();
  doc.pages.front().text = headers + "\n" + doc.pages.front().text;
  doc.metadata.page_count = 1;
  doc.paged = false;
  return doc;
}

// Extracts each attachment as a member of the message.
void AppendAttachments(const std::vector<Part>& parts,
                       const std::string& message_id,
                       const ExtractOptions& options, int depth,
                       std::vector<Document>* docs) {
  int number = 0;
  for (const Part& part : parts) {
    if (!part.attachment) continue;
    ++number;
    std::string bytes;
    std::string name;
    if (GMIME_IS_MESSAGE_PART(part.object)) {
      GMimeMessage* attached =
          g_mime_message_part_get_message(GMIME_MESSAGE_PART(part.object));
      if (attached == nullptr) continue;
      bytes = MessageBytes(attached);
      name = OrEmpty(g_mime_message_get_subject(attached));
      if (!name.empty()) name += ".eml";
    } else {
      GMimePart* leaf = GMIME_PART(part.object);
      bytes = PartBytes(leaf);
      name = OrEmpty(g_mime_part_get_filename(leaf));
    }
    std::string locator = SanitizeMemberPath(name);
    if (locator.empty()) locator = fmt::format("attachment {}", number);
    std::vector<Document> extracted =
        ExtractBytesAtDepth(bytes, locator, options, depth + 1);
    if (extracted.empty()) continue;
    extracted.front().parent_id = message_id;
    extracted.front().locator = locator;
    NestMemberLocators(locator, extracted);
    for (Document& doc : extracted) docs->push_back(std::move(doc));
  }
}

}  // namespace

std::vector<Document> ExtractMime(std::string_view bytes, Format format,
                                  const ExtractOptions& options, int depth) {
  InitGmime();
  GPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> message(
      g_mime_parser_construct_message(parser.get(), nullptr));
  if (message == nullptr) {
    Document failed;
    failed.status = ExtractStatus::kFailed;
    failed.error = "damaged MIME message: GMime found no message headers";
    return {failed};
  }

  std::vector<Part> parts;
  std::vector<std::string> warnings;
  GMimeObject* body = g_mime_message_get_mime_part(message.get());
  if (body != nullptr) CollectParts(body, 0, &parts, &warnings);

  if (format == Format::kMhtml) {
    Document page = SavedPage(message.get(), parts, options);
    page.warnings.insert(page.warnings.end(), warnings.begin(), warnings.end());
    return {std::move(page)};
  }

  std::vector<Document> docs{Email(message.get(), parts, options)};
  docs[0].warnings.insert(docs[0].warnings.end(), warnings.begin(),
                          warnings.end());
  if (depth > options.max_archive_depth) {
    docs[0].warnings.push_back(fmt::format(
        "message nested {} deep exceeds max_archive_depth {}; attachments "
        "skipped",
        depth, options.max_archive_depth));
    return docs;
  }
  AppendAttachments(parts, Sha256Hex(bytes), options, depth, &docs);
  return docs;
}

std::vector<Document> ExtractMbox(std::string_view bytes,
                                  const ExtractOptions& options, int depth) {
  InitGmime();
  Document box;
  box.id = Sha256Hex(bytes);
  box.format = Format::kMbox;
  box.size_bytes = bytes.size();
  box.status = ExtractStatus::kOk;
  std::vector<Document> docs{std::move(box)};
  if (depth > options.max_archive_depth) {
    docs[0].warnings.push_back(fmt::format(
        "mailbox nested {} deep exceeds max_archive_depth {}; messages skipped",
        depth, options.max_archive_depth));
    return docs;
  }

  GPtr<GMimeStream> stream(
      g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MBOX);
  std::string listing;
  int number = 0;
  while (!g_mime_parser_eos(parser.get())) {
    GPtr<GMimeMessage> message(
        g_mime_parser_construct_message(parser.get(), nullptr));
    if (message == nullptr) {
      if (number > 0) {
        docs[0].warnings.push_back(fmt::format(
            "mailbox damaged after message {}; the rest skipped", number));
      }
      break;
    }
    ++number;
    std::string locator = fmt::format("message {}", number);
    std::string subject = OrEmpty(g_mime_message_get_subject(message.get()));
    listing +=
        subject.empty() ? locator + "\n" : locator + ": " + subject + "\n";

    std::string message_bytes = MessageBytes(message.get());
    std::vector<Document> extracted =
        ExtractMime(message_bytes, Format::kEmail, options, depth + 1);
    Document& mail = extracted.front();
    mail.id = Sha256Hex(message_bytes);
    mail.format = Format::kEmail;
    mail.size_bytes = message_bytes.size();
    mail.parent_id = docs[0].id;
    mail.locator = locator;
    // Attachments are named within their message, since two messages
    // often attach files of the same name (image001.png).
    NestMemberLocators(locator, extracted);
    for (Document& doc : extracted) docs.push_back(std::move(doc));
  }

  if (number == 0) {
    docs[0].status = ExtractStatus::kFailed;
    docs[0].error = "damaged mailbox: GMime found no message";
  }

  // One page of subjects, so that a search for a subject finds the mailbox.
  if (!listing.empty()) {
    Page page;
    page.text = std::move(listing);
    page.origin = TextOrigin::kPlain;
    docs[0].pages.push_back(std::move(page));
    docs[0].metadata.page_count = 1;
  }
  return docs;
}

}  // namespace bidscope
