#include "index/document_builder.h"

#include <algorithm>
#include <utility>

namespace bidscope {
namespace {

constexpr char kFormatTag = 'B';

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutBytes(std::string_view bytes, std::string* out) {
  PutVarint(bytes.size(), out);
  out->append(bytes);
}

IndexError Malformed(const char* what) {
  return IndexError(std::string("prepared document is malformed: ") + what);
}

// Reads the serialised form front to back; every read checks the bounds.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) throw Malformed("truncated number");
      uint8_t byte = static_cast<uint8_t>(data_[pos_++]);
      value |= uint64_t{byte & 0x7fu} << shift;
      if (byte < 0x80) return value;
    }
    throw Malformed("number too long");
  }

  std::string_view Bytes() {
    uint64_t size = Varint();
    if (size > data_.size() - pos_) throw Malformed("truncated string");
    std::string_view bytes = data_.substr(pos_, size);
    pos_ += size;
    return bytes;
  }

  char Byte() {
    if (pos_ >= data_.size()) throw Malformed("empty");
    return data_[pos_++];
  }

  std::string_view Rest() const { return data_.substr(pos_); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

uint32_t ToUint32(uint64_t value, const char* what) {
  if (value > UINT32_MAX) throw Malformed(what);
  return static_cast<uint32_t>(value);
}

}  // namespace

void DocumentBuilder::AddTerm(std::string term, uint32_t wdf_increment) {
  terms_[std::move(term)].wdf += wdf_increment;
}

void DocumentBuilder::AddPosting(std::string term, uint32_t position) {
  TermEntry& entry = terms_[std::move(term)];
  entry.wdf += 1;
  entry.positions.push_back(position);
}

void DocumentBuilder::AddPostings(GeneratedTerms terms) {
  for (Posting& posting : terms.postings) {
    if (posting.position == 0) {
      AddTerm(std::move(posting.term));
    } else {
      AddPosting(std::move(posting.term), posting.position);
    }
  }
}

void DocumentBuilder::AddValue(unsigned slot, std::string value) {
  if (value.empty()) {
    values_.erase(slot);
    return;
  }
  values_[slot] = std::move(value);
}

std::string DocumentBuilder::Serialise() const {
  std::string out(1, kFormatTag);
  PutVarint(values_.size(), &out);
  for (const auto& [slot, value] : values_) {
    PutVarint(slot, &out);
    PutBytes(value, &out);
  }

  std::vector<const std::pair<const std::string, TermEntry>*> sorted;
  sorted.reserve(terms_.size());
  for (const auto& entry : terms_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });

  PutVarint(sorted.size(), &out);
  std::vector<uint32_t> positions;
  for (const auto* entry : sorted) {
    PutBytes(entry->first, &out);
    PutVarint(entry->second.wdf, &out);
    positions = entry->second.positions;
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()),
                    positions.end());
    PutVarint(positions.size(), &out);
    uint32_t previous = 0;
    for (uint32_t position : positions) {
      PutVarint(position - previous, &out);
      previous = position;
    }
  }
  out.append(data_);
  return out;
}

Xapian::Document DecodePreparedDocument(std::string_view serialised) {
  Reader reader(serialised);
  if (reader.Byte() != kFormatTag) throw Malformed("unknown format");
  Xapian::Document doc;
  try {
    for (uint64_t n = reader.Varint(); n > 0; --n) {
      Xapian::valueno slot = ToUint32(reader.Varint(), "value slot too large");
      doc.add_value(slot, std::string(reader.Bytes()));
    }
    for (uint64_t n = reader.Varint(); n > 0; --n) {
      std::string term(reader.Bytes());
      doc.add_term(term, ToUint32(reader.Varint(), "wdf too large"));
      uint64_t position = 0;
      for (uint64_t k = reader.Varint(); k > 0; --k) {
        position += reader.Varint();
        doc.add_posting(term, ToUint32(position, "position too large"), 0);
      }
    }
  } catch (const Xapian::Error& e) {
    throw IndexError("prepared document is malformed: " + e.get_description());
  }
  doc.set_data(std::string(reader.Rest()));
  return doc;
}

DecodedDocument::DecodedDocument(std::string_view prepared)
    : impl_(std::make_unique<Impl>(Impl{DecodePreparedDocument(prepared)})) {}
DecodedDocument::~DecodedDocument() = default;
DecodedDocument::DecodedDocument(DecodedDocument&&) noexcept = default;
DecodedDocument& DecodedDocument::operator=(DecodedDocument&&) noexcept =
    default;

}  // namespace bidscope
