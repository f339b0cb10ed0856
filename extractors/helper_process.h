// Some format libraries are not fit to run inside the scanner: libpst calls exit() when an
// allocation fails, raises SIGSEGV on a failed assertion and prints diagnostics (with
// message text) to stdout, where our JSON Lines go; libytnef prints too. Such a library
// runs in a helper process: this same binary, started as `gdprscan __extract-helper FORMAT`
// with the item on descriptor 4, its stdout and stderr on /dev/null, and a pipe on
// descriptor 3 on which it sends back frames (a text piece, a child, a problem). The scan
// process turns the frames into open_text/child_at/problem calls, so children are sniffed
// and scanned like any other, and a crash, a hang or an exit() of the library becomes a
// record about that one file. Nothing is written to disk: a member that is not a file on
// disk reaches the helper through a memfd (memory).
#pragma once

#include <string>
#include <string_view>

#include "extract.h"

namespace gdprscan {

// Scan process: runs the helper for `format` ("pst", "tnef") on `item` and feeds what it
// sends into `ctx`. `what` names the format in records ("Outlook data file").
void run_extract_helper(Item& item, ExtractContext& ctx, const char* format, const char* what);

// Helper process: what a format's reader sends back. Locations are below the item.
// Every call returns false once the scan process has gone (stop reading then).
class HelperOutput {
 public:
  explicit HelperOutput(int fd) : fd_(fd) {}
  bool text(const LocationChain& below, std::string_view utf8);
  bool child(const LocationChain& below, std::string_view bytes);
  bool problem(ProblemKind kind, const LocationChain& below, std::string_view message);
  // The mail at `below` (ExtractContext::mail_message).
  bool mail(const LocationChain& below, const MailFields& fields);
  bool hello();
  bool end();

 private:
  bool frame(char kind, const LocationChain& parts, std::string_view payload);
  int fd_;
};

// The readers that run in the helper: `fd` is the item (seekable, read-only).
void pst_helper(HelperOutput& out, int fd);   // pst.cpp
void tnef_helper(HelperOutput& out, int fd);  // tnef.cpp

// main() of the helper process (argv[1] == kHelperCommand); returns the exit status.
constexpr const char* kHelperCommand = "__extract-helper";
int extract_helper_main(int argc, char** argv);

}  // namespace gdprscan
