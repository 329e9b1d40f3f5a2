#include "extract/pdf_errors.h"

#include <mutex>
#include <string_view>
#include <utility>

#include <poppler-global.h>

namespace bidscope {
namespace {

thread_local PopplerErrorCapture* current_capture = nullptr;

// Poppler's callback runs on the thread that parses the document, so a
// thread-local pointer finds the capture of that document. Messages on a
// thread without a capture are dropped rather than printed, because
// library code never writes to stderr.
void DispatchPopplerMessage(const std::string& message, void*) {
  if (current_capture == nullptr) return;
  std::string_view text = message;
  if (text.starts_with("error")) {
    size_t colon = text.find(": ");
    if (colon != std::string_view::npos) text.remove_prefix(colon + 2);
  }
  current_capture->Record(std::string(text));
}

void InstallHookOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(DispatchPopplerMessage, nullptr);
  });
}

}  // namespace

PopplerErrorCapture::PopplerErrorCapture(size_t max_messages)
    : max_messages_(max_messages), previous_(current_capture) {
  InstallHookOnce();
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
