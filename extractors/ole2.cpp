// The OLE2 dispatcher: which kind of compound file this is, by the streams it holds.
#include "ole2.h"

#include <gsf/gsf-doc-meta-data.h>
#include <gsf/gsf-docprop-vector.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-meta-names.h>
#include <gsf/gsf-msole-utils.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>

#include <cstring>
#include <utility>
#include <vector>
#include <mutex>

#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

void GObjectUnref::operator()(void* p) const {
  if (p) g_object_unref(p);
}

Storage open_ole2(std::string_view data) {
  static std::once_flag once;
  std::call_once(once, [] {
    gsf_init();
    // libgsf reports damaged files through GLib's log on stderr; the file gets our own
    // record instead, and stderr stays ours.
    // Some of its messages carry no log domain, so the default handler is replaced: no
    // GLib-based library (libgsf, GMime) prints on our stderr.
    g_log_set_default_handler([](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  });
  auto* bytes = reinterpret_cast<const guint8*>(data.data());
  std::unique_ptr<GsfInput, GObjectUnref> input(gsf_input_memory_new(bytes, static_cast<gsf_off_t>(data.size()), FALSE));
  if (!input) return nullptr;
  GError* error = nullptr;
  GsfInfile* file = gsf_infile_msole_new(input.get(), &error);  // holds its own reference to input
  if (error) g_error_free(error);
  return Storage(file);
}

std::optional<std::string> read_stream(GsfInfile* storage, const char* name, uint64_t limit, bool* cut,
                                       bool* failed) {
  auto actual = child_named(storage, name);
  if (!actual) return std::nullopt;
  std::unique_ptr<GsfInput, GObjectUnref> stream(gsf_infile_child_by_name(storage, actual->c_str()));
  if (!stream) {
    if (failed) *failed = true;
    return std::nullopt;
  }
  if (!stream) return std::nullopt;
  uint64_t size = static_cast<uint64_t>(gsf_input_size(stream.get()));
  if (size > limit) {
    if (cut) *cut = true;
    size = limit;
  }
  std::string data(size, '\0');
  if (size > 0 && !gsf_input_read(stream.get(), size, reinterpret_cast<guint8*>(data.data()))) {
    if (failed) *failed = true;
    return std::nullopt;
  }
  return data;
}

Storage open_storage(GsfInfile* storage, const char* name) {
  GsfInput* child = gsf_infile_child_by_name(storage, name);
  if (!child) return nullptr;
  if (!GSF_IS_INFILE(child)) {
    g_object_unref(child);
    return nullptr;
  }
  return Storage(GSF_INFILE(child));
}

std::optional<std::string> child_named(GsfInfile* storage, const char* name) {
  // Compound-file names compare case-insensitively ("BOOK", "WORKBOOK" exist in the wild).
  for (int i = 0; i < gsf_infile_num_children(storage); ++i)
    if (const char* n = gsf_infile_name_by_index(storage, i); n && g_ascii_strcasecmp(n, name) == 0) return std::string(n);
  return std::nullopt;
}

bool has_child(GsfInfile* storage, const char* name) { return child_named(storage, name).has_value(); }

std::string utf16le_to_utf8(std::string_view bytes) {
  TextDecoder decoder(Encoding::utf16le);
  return std::string(decoder.decode(bytes, true));
}

std::string cp1252_to_utf8(std::string_view bytes) {
  TextDecoder decoder(Encoding::windows1252);
  return std::string(decoder.decode(bytes, true));
}

namespace {

bool has_child_prefixed(GsfInfile* storage, const char* prefix) {
  size_t n = std::strlen(prefix);
  for (int i = 0; i < gsf_infile_num_children(storage); ++i)
    if (const char* name = gsf_infile_name_by_index(storage, i); name && std::strncmp(name, prefix, n) == 0) return true;
  return false;
}

std::string meta_string(GsfDocMetaData* meta, const char* name) {
  GsfDocProp* prop = gsf_doc_meta_data_lookup(meta, name);
  const GValue* value = prop ? gsf_doc_prop_get_val(prop) : nullptr;
  if (!value || !G_VALUE_HOLDS_STRING(value)) return {};
  const char* s = g_value_get_string(value);
  return s ? s : "";
}

// The SummaryInformation stream (author, last saved by, title, subject, keywords, comments)
// through libgsf: the author and editor for the file's records, the texts scanned as
// "properties".
void summary_information(GsfInfile* root, Item& item, ExtractContext& ctx) {
  std::unique_ptr<GsfInput, GObjectUnref> stream(gsf_infile_child_by_name(root, "\005SummaryInformation"));
  if (!stream) return;
  std::unique_ptr<GsfDocMetaData, GObjectUnref> meta(gsf_doc_meta_data_new());
  if (GError* error = gsf_doc_meta_data_read_from_msole(meta.get(), stream.get())) {
    g_error_free(error);
    return;
  }
  ctx.document_properties(item.location, meta_string(meta.get(), GSF_META_NAME_CREATOR),
                          meta_string(meta.get(), GSF_META_NAME_LAST_SAVED_BY));
  std::string text;
  for (const char* name : {GSF_META_NAME_TITLE, GSF_META_NAME_SUBJECT, GSF_META_NAME_KEYWORDS,
                           GSF_META_NAME_DESCRIPTION, GSF_META_NAME_CREATOR, GSF_META_NAME_LAST_SAVED_BY})
    if (std::string value = meta_string(meta.get(), name); !value.empty()) text.append(value).append("\n");
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
  LocationChain where = item.location;
  where.push_back("properties");
  ctx.open_text(where)->write_whole(text);
}

}  // namespace

namespace {

// "\001Ole10Native": a file packaged by Windows' Object Packager: a size, a label, the
// original path, then the file's bytes. Returns (label, bytes).
std::optional<std::pair<std::string, std::string>> unpack_ole10_native(std::string_view s) {
  size_t at = 4 + 2;  // total size, flags
  auto cstring = [&](std::string& out) {
    size_t end = s.find('\0', at);
    if (end == std::string_view::npos) return false;
    out = std::string(s.substr(at, end - at));
    at = end + 1;
    return true;
  };
  std::string label, path, temp;
  if (!cstring(label) || !cstring(path)) return std::nullopt;
  at += 4;  // flags, unknown
  uint32_t temp_size = le32(s, at);
  at += 4 + temp_size;
  uint32_t size = le32(s, at);
  at += 4;
  if (at > s.size() || size > s.size() - at) return std::nullopt;
  return std::make_pair(cp1252_to_utf8(label), std::string(s.substr(at, size)));
}

// Objects embedded in a document: the storages of Word's ObjectPool and Excel's MBD*
// storages. Each is a compound file of its own (a workbook in a letter), an OOXML package
// ("Package"), a packaged file ("\001Ole10Native") or raw content ("CONTENTS", often a PDF).
void read_embedded(GsfInfile* root, Item& item, ExtractContext& ctx) {
  std::vector<std::pair<std::string, Storage>> objects;
  if (Storage pool = open_storage(root, "ObjectPool"))
    for (int i = 0; i < gsf_infile_num_children(pool.get()); ++i)
      if (const char* name = gsf_infile_name_by_index(pool.get(), i))
        if (Storage object = open_storage(pool.get(), name)) objects.emplace_back(std::string("ObjectPool/") + name, std::move(object));
  for (int i = 0; i < gsf_infile_num_children(root); ++i)
    if (const char* name = gsf_infile_name_by_index(root, i); name && std::strncmp(name, "MBD", 3) == 0)
      if (Storage object = open_storage(root, name)) objects.emplace_back(name, std::move(object));
  for (auto& [name, object] : objects) {
    GsfInfile* o = object.get();
    auto child_stream = [&](const char* stream, const std::string& child_name) {
      if (auto data = read_stream(o, stream, kMaxStreamBytes)) {
        MemorySource source(*data);
        ctx.child_at({name, child_name}, source, static_cast<int64_t>(data->size()));
        return true;
      }
      return false;
    };
    if (child_stream("Package", "Package") || child_stream("CONTENTS", "CONTENTS")) continue;
    if (auto native = read_stream(o, "\001Ole10Native", kMaxStreamBytes)) {
      if (auto packaged = unpack_ole10_native(*native)) {
        MemorySource source(packaged->second);
        ctx.child_at({name, packaged->first}, source, static_cast<int64_t>(packaged->second.size()));
      }
      continue;
    }
    if (item.location.size() >= 16) continue;  // objects inside objects: bounded
    MemorySource nothing("");
    LocationChain where = item.location;
    where.push_back(name);
    Item inner{nothing, {}, true, where, name};
    if (has_child(o, "WordDocument") || has_child(o, "Workbook") || has_child(o, "Book") ||
        has_child(o, "PowerPoint Document"))
      read_compound(o, inner, ctx);
  }
}

}  // namespace

void read_compound(GsfInfile* r, Item& item, ExtractContext& ctx) {
  if (has_child(r, "EncryptedPackage")) {
    ctx.problem(Problem{true, ProblemKind::encrypted, item.location,
                        "an encrypted Office document (it needs a password to open): not scanned"});
  } else if (has_child(r, "WordDocument")) {
    read_word97(r, item, ctx);
    read_embedded(r, item, ctx);
  } else if (has_child(r, "Workbook") || has_child(r, "Book")) {
    read_biff(r, item, ctx);
    read_embedded(r, item, ctx);
  } else if (has_child(r, "PowerPoint Document")) {
    read_ppt(r, item, ctx);
  } else if (has_child_prefixed(r, "__substg1.0_") || has_child(r, "__properties_version1.0")) {
    read_msg(r, item, ctx);
  } else {
    ctx.problem(Problem{false, ProblemKind::unsupported, item.location,
                        "an OLE2 compound file that is not a Word, Excel, PowerPoint or Outlook file"});
  }
}

void extract_ole2(Item& item, ExtractContext& ctx) {
  // libgsf reads from memory: a file is bounded by --max-whole-file, a member by the budget.
  std::string data;
  if (!read_whole(item, ctx, data)) return;
  Storage root = open_ole2(data);
  if (!root) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "not a readable OLE2 compound file (damaged or truncated)"});
    return;
  }
  summary_information(root.get(), item, ctx);
  read_compound(root.get(), item, ctx);
}

}  // namespace gdprscan
