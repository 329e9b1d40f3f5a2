#include "extract/pdf_errors.h"

#include <utility>

#include <Error.h>
#include <GlobalParams.h>

namespace bidscope {
namespace {

thread_local PopplerErrorCapture* current_capture = nullptr;

// Poppler's callback runs on the thread that parses the document, so a
// thread-local pointer finds the capture of that document. Messages on a
// thread without a capture are dropped rather than printed, because
// library code never writes to stderr.
void RecordPopplerMessage(ErrorCategory, Goffset, const char* message) {
  if (current_capture == nullptr || message == nullptr) return;
  current_capture->Record(message);
}

}  // namespace

void InitPoppler() {
  // poppler-cpp creates GlobalParams with its first live document and
  // deletes them with its last, so they would be rebuilt for every file.
  // This reference, never released, keeps them for the process, and the
  // error hook it installs stays Poppler's only one.
  static GlobalParamsIniter* const globals =
      new GlobalParamsIniter(RecordPopplerMessage);
  (void)globals;
}

PopplerErrorCapture::PopplerErrorCapture(size_t max_messages)
    : max_messages_(max_messages), previous_(current_capture) {
  InitPoppler();
  current_capture = this;
}

PopplerErrorCapture::~PopplerErrorCapture() { current_capture = previous_; }

void PopplerErrorCapture::Record(std::string message) {
  if (messages_.size() >= max_messages_) {
    ++dropped_;
    return;
  }
  messages_.push_back(std::move(message));
}

}  // namespace bidscope
