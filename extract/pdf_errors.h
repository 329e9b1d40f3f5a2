// Collects Poppler's error messages for the document being parsed on the
// current thread.
#ifndef BIDSCOPE_EXTRACT_PDF_ERRORS_H_
#define BIDSCOPE_EXTRACT_PDF_ERRORS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace bidscope {

// Creates Poppler's process-wide state once: its GlobalParams, which the
// core classes need, and the error hook that captures use.
void InitPoppler();

// While alive, records the messages Poppler reports on this thread, at most
// `max_messages` of them, and counts the rest. Poppler has one
// process-wide error hook, installed on first use. It dispatches to the
// capture of the calling thread, so captures on different threads do not
// mix. Captures on one thread nest, and the innermost one records.
class PopplerErrorCapture {
 public:
  explicit PopplerErrorCapture(size_t max_messages = 20);
  ~PopplerErrorCapture();
  PopplerErrorCapture(const PopplerErrorCapture&) = delete;
  PopplerErrorCapture& operator=(const PopplerErrorCapture&) = delete;

  // Messages in the order Poppler reported them, without Poppler's
  // "error (offset): " prefix.
  const std::vector<std::string>& messages() const { return messages_; }

  // Messages reported after `max_messages` were recorded.
  size_t dropped() const { return dropped_; }

  // Appends a message, or counts it when the cap is reached.
  void Record(std::string message);

 private:
  size_t max_messages_;
  std::vector<std::string> messages_;
  size_t dropped_ = 0;
  PopplerErrorCapture* previous_;
};

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_PDF_ERRORS_H_
