// Outlook .pst and .ost files through libpst, in the helper process (helper_process.h
// says why). Every folder is walked, item by item, each item freed before the next:
//   ["Inbox/Sager", "message 2019-03-02 10:14 \"Re: løn\"", "headers" | "body"]
// Headers (subject, from, to, cc, bcc, reply-to) and the plain body are text pieces; the
// HTML body, the RTF body (only when there is neither plain nor HTML: it would repeat
// them), attachments ("attachment løn.xlsx") and embedded messages' attachments are
// children, sniffed and extracted by the normal extractors. Contacts, appointments, tasks,
// notes and journal entries give their fields as text.
#include <libpst/libpst.h>
extern "C" {  // lzfu.h, unlike libpst.h, lacks extern "C"
#include <libpst/lzfu.h>
}

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>

#include "helper_process.h"
#include "registry.h"

namespace gdprscan {

namespace {

std::string text_of(pst_item* item, pst_string& s) {
  if (!s.str) return {};
  pst_convert_utf8(item, &s);  // the item's code page (or UTF-16 in the file) to UTF-8
  return s.str ? s.str : "";
}

// A FILETIME (100 ns ticks since 1601) formatted in UTC by strftime's `format`.
std::string formatted_time(const FILETIME* ft, const char* format) {
  if (!ft) return {};
  uint64_t ticks = (static_cast<uint64_t>(ft->dwHighDateTime) << 32) | ft->dwLowDateTime;
  constexpr uint64_t kUnixEpoch = 116444736000000000ull;
  if (ticks < kUnixEpoch) return {};
  time_t seconds = static_cast<time_t>((ticks - kUnixEpoch) / 10000000);
  struct tm tm;
  if (!gmtime_r(&seconds, &tm)) return {};
  char out[32];
  strftime(out, sizeof out, format, &tm);
  return out;
}

// "2019-03-02 10:14", for locations.
std::string date_of(const FILETIME* ft) { return formatted_time(ft, "%Y-%m-%d %H:%M"); }
// "2019-03-02T10:14:00Z", for the mail fields of findings.
std::string iso_date_of(const FILETIME* ft) { return formatted_time(ft, "%Y-%m-%dT%H:%M:%SZ"); }

LocationChain with(LocationChain where, std::string name) {
  where.push_back(std::move(name));
  return where;
}

struct FreeItem {
  void operator()(pst_item* item) const { pst_freeItem(item); }
};
using ItemPtr = std::unique_ptr<pst_item, FreeItem>;

class PstWalker {
 public:
  // `top_name`: where items that lie in the top folder itself are said to be.
  PstWalker(pst_file& pf, HelperOutput& out, std::string top_name)
      : pf_(pf), out_(out), top_name_(top_name.empty() ? "(top)" : std::move(top_name)) {}

  // The items of one folder (a sibling list of the descriptor tree), sub-folders recursing.
  bool folder(pst_desc_tree* d, const std::string& path, int depth) {
    if (depth > 64) return out_.problem(ProblemKind::limit_exceeded, {path}, "folders nested more than 64 deep");
    for (; d; d = d->next) {
      if (!d->desc) continue;
      ItemPtr item(pst_parse_item(&pf_, d, nullptr));
      if (!item) {
        ++unreadable_;
        continue;
      }
      if (item->folder) {
        std::string name = text_of(item.get(), item->file_as);
        std::string sub = path.empty() ? name : path + "/" + name;
        item.reset();  // freed before descending: memory stays per item
        if (d->child && !folder(d->child, sub, depth + 1)) return false;
        continue;
      }
      if (!entry(item.get(), {path.empty() ? top_name_ : path}, 0)) return false;
    }
    return true;
  }

  uint64_t unreadable() const { return unreadable_; }

 private:
  // One item of any kind at `where` (the folder, or an attached message's chain).
  bool entry(pst_item* item, const LocationChain& where, int depth) {
    std::string subject = text_of(item, item->subject);
    if (item->contact && item->type == PST_TYPE_CONTACT) {
      std::string name = text_of(item, item->contact->fullname);
      if (name.empty()) name = text_of(item, item->file_as);
      return contact(item, with(where, item_label("contact", "", name)));
    }
    if (item->appointment && item->type == PST_TYPE_APPOINTMENT)
      return message(item, with(where, item_label("appointment", date_of(item->appointment->start), subject)), depth);
    if (item->journal && item->type == PST_TYPE_JOURNAL)
      return message(item, with(where, item_label("journal", date_of(item->journal->start), subject)), depth);
    const char* kind = item->type == PST_TYPE_TASK ? "task" : item->type == PST_TYPE_STICKYNOTE ? "note" : "message";
    const FILETIME* when = item->email ? (item->email->sent_date ? item->email->sent_date : item->email->arrival_date)
                                       : nullptr;
    if (!when) when = item->create_date;
    std::string date = date_of(when);
    return message(item, with(where, item_label(kind, date.empty() ? std::to_string(++numbered_) : date, subject)),
                   depth);
  }

  // Addresses in a list like "Jens Hansen <jens@kommune.dk>; mette@kommune.dk", lower case.
  static void add_addresses(const std::string& list, std::vector<std::string>& out) {
    size_t start = 0;
    while (start < list.size() && out.size() < MailFields::kMaxRecipients) {
      size_t end = std::min(list.find_first_of(";,", start), list.size());
      std::string part = list.substr(start, end - start);
      if (size_t open = part.find('<'); open != std::string::npos) part = part.substr(open + 1, part.find('>', open) - open - 1);
      part.erase(0, part.find_first_not_of(" \t\"'"));
      part.erase(part.find_last_not_of(" \t\"'") + 1);
      for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (part.find('@') != std::string::npos && part.find(' ') == std::string::npos) out.push_back(part);
      start = end + 1;
    }
  }

  MailFields mail_fields(pst_item* item, pst_item_email* e) {
    MailFields f;
    std::vector<std::string> from;
    add_addresses(text_of(item, e->sender_address), from);
    if (from.empty()) add_addresses(text_of(item, e->sender2_address), from);
    if (!from.empty()) f.from = from.front();
    for (pst_string* list : {&e->recip_address, &e->sentto_address, &e->cc_address, &e->bcc_address})
      add_addresses(text_of(item, *list), f.to);
    std::sort(f.to.begin(), f.to.end());
    f.to.erase(std::unique(f.to.begin(), f.to.end()), f.to.end());
    f.date = iso_date_of(e->sent_date ? e->sent_date : e->arrival_date);
    return f;
  }

  bool message(pst_item* item, const LocationChain& where, int depth) {
    if (item->email && !out_.mail(where, mail_fields(item, item->email))) return false;
    std::string headers;
    auto add = [&](const char* name, const std::string& value) {
      if (!value.empty()) headers.append(name).append(": ").append(value).append("\n");
    };
    if (pst_item_email* e = item->email) {
      std::string from = text_of(item, e->outlook_sender_name);
      std::string address = text_of(item, e->sender_address);
      add("From", address.empty() ? from : from.empty() ? address : from + " <" + address + ">");
      add("Reply-To", text_of(item, e->reply_to));
      add("To", text_of(item, e->sentto_address));
      add("Cc", text_of(item, e->cc_address));
      add("Bcc", text_of(item, e->bcc_address));
    }
    add("Subject", text_of(item, item->subject));
    if (item->appointment) add("Location", text_of(item, item->appointment->location));
    add("Comment", text_of(item, item->comment));
    if (!out_.text(with(where, "headers"), headers)) return false;
    return bodies(item, where) && attachments(item, where, depth);
  }

  bool bodies(pst_item* item, const LocationChain& where) {
    std::string plain = text_of(item, item->body);
    if (!out_.text(with(where, "body"), plain)) return false;
    std::string html = item->email ? text_of(item, item->email->htmlbody) : std::string();
    if (!out_.child(with(where, "body (HTML)"), html)) return false;
    if (!plain.empty() || !html.empty() || !item->email || !item->email->rtf_compressed.data) return true;
    pst_binary& rtf = item->email->rtf_compressed;
    size_t size = 0;
    char* data = pst_lzfu_decompress(rtf.data, static_cast<uint32_t>(rtf.size), &size);
    bool ok = !data || out_.child(with(where, "body (RTF)"), std::string_view(data, size));
    free(data);
    return ok;
  }

  bool attachments(pst_item* item, const LocationChain& where, int depth) {
    int number = 0;
    for (pst_item_attach* a = item->attach; a; a = a->next) {
      ++number;
      std::string name = text_of(item, a->filename2);
      if (name.empty()) name = text_of(item, a->filename1);
      if (name.empty()) name = std::to_string(number);
      if (a->method == PST_ATTACH_EMBEDDED) {
        if (!embedded(a, where, depth)) return false;
        continue;
      }
      pst_binary data = pst_attach_to_mem(&pf_, a);
      bool ok = !data.data || out_.child(with(where, "attachment " + name), std::string_view(data.data, data.size));
      free(data.data);
      if (!ok) return false;
    }
    return true;
  }

  // A message attached to a message (readpst's write_embedded_message does the same).
  bool embedded(pst_item_attach* a, const LocationChain& where, int depth) {
    if (depth > 16) return out_.problem(ProblemKind::limit_exceeded, where, "attached messages nested more than 16 deep");
    pst_desc_tree d{};
    d.desc = pst_getID(&pf_, a->i_id);
    if (!d.desc) return true;
    ItemPtr inner(pst_parse_item(&pf_, &d, a->id2_head));
    if (!inner) return true;
    std::string subject = text_of(inner.get(), inner->subject);
    const FILETIME* when = inner->email ? inner->email->sent_date : nullptr;
    // "attached message ...", as mail.cpp names a message attached to a message.
    return message(inner.get(), with(where, item_label("attached message", date_of(when), subject)), depth + 1);
  }

  bool contact(pst_item* item, const LocationChain& where) {
    pst_item_contact* c = item->contact;
    std::string text;
    auto add = [&](const char* name, pst_string& field) {
      std::string value = text_of(item, field);
      if (!value.empty()) text.append(name).append(": ").append(value).append("\n");
    };
    add("Name", c->fullname);
    add("Title", c->job_title);
    add("Company", c->company_name);
    add("E-mail", c->address1);
    add("E-mail 2", c->address2);
    add("E-mail 3", c->address3);
    add("Mobile", c->mobile_phone);
    add("Home phone", c->home_phone);
    add("Business phone", c->business_phone);
    add("Other phone", c->other_phone);
    add("Primary phone", c->primary_phone);
    add("Home address", c->home_address);
    add("Business address", c->business_address);
    add("Other address", c->other_address);
    add("Government ID", c->gov_id);
    add("Customer ID", c->customer_id);
    add("Spouse", c->spouse_name);
    add("Notes", item->comment);
    if (!out_.text(with(where, "fields"), text)) return false;
    return out_.text(with(where, "notes"), text_of(item, item->body));
  }

  pst_file& pf_;
  HelperOutput& out_;
  std::string top_name_;
  uint64_t unreadable_ = 0;
  int numbered_ = 0;
};

// libpst opens by name and reads the header with a fresh descriptor: that descriptor gets
// only a copy of the header (in memory), and the file is then read through `fd`, which the
// scanner opened O_NOATIME. The header fields pst_open reads all lie in the first 1 KiB.
bool open_pst(pst_file& pf, int fd) {
  char header[4096];
  ssize_t n = pread(fd, header, sizeof header, 0);
  int copy = memfd_create("gdprscan-pst-header", MFD_CLOEXEC);
  if (n <= 0 || copy < 0 || write(copy, header, static_cast<size_t>(n)) != n) {
    if (copy >= 0) close(copy);
    return false;
  }
  std::string name = "/proc/self/fd/" + std::to_string(copy);
  int rc = pst_open(&pf, name.c_str(), nullptr);
  close(copy);
  if (rc != 0) return false;
  fclose(pf.fp);
  pf.fp = fdopen(dup(fd), "rb");
  return pf.fp != nullptr;
}

}  // namespace

void pst_helper(HelperOutput& out, int fd) {
  pst_file pf;
  if (!open_pst(pf, fd)) {
    out.problem(ProblemKind::corrupt, {}, "not a readable Outlook data file (.pst/.ost)");
    return;
  }
  pst_load_index(&pf);
  pst_load_extended_attributes(&pf);
  ItemPtr root(pf.d_head ? pst_parse_item(&pf, pf.d_head, nullptr) : nullptr);
  pst_desc_tree* top = pst_getTopOfFolders(&pf, root.get());
  root.reset();
  if (!top) {
    out.problem(ProblemKind::corrupt, {}, "Outlook data file without a folder tree");
  } else {
    // Sub-folders are named from below the top ("Inbox/Sager"): the top's own name
    // ("Top of Personal Folders", localised) would only repeat in every location.
    ItemPtr top_item(top->desc ? pst_parse_item(&pf, top, nullptr) : nullptr);
    std::string top_name = top_item ? text_of(top_item.get(), top_item->file_as) : std::string();
    top_item.reset();
    PstWalker walker(pf, out, top_name);
    if (walker.folder(top->child, "", 0) && walker.unreadable() > 0)
      out.problem(ProblemKind::corrupt, {},
                  std::to_string(walker.unreadable()) + " items of this Outlook data file could not be read");
  }
  pst_close(&pf);
}

void extract_pst(Item& item, ExtractContext& ctx) {
  ctx.mailbox_store();  // a mailbox of many GB: budget by its size (Budget::widen_for_mailbox_store)
  run_extract_helper(item, ctx, "pst", "Outlook data file");
}

}  // namespace gdprscan
